using System.Buffers;

namespace Juhe.Streaming;

/// <summary>
/// Separates reasoning wrapped in <c>&lt;think&gt;…&lt;/think&gt;</c> from the answer, for gateways whose
/// channel option <c>thinking_to_content</c> (or an upstream such as R1 through a third party) puts
/// the reasoning inside the content text instead of <c>reasoning_content</c>.
/// </summary>
/// <remarks>
/// Feed it each content delta in order. A tag cut between two deltas is held back until the next
/// one decides it, so any split of the text gives the same reasoning and answer. The spans it
/// returns point into pooled buffers and are valid until the next call; nothing is allocated per call.
/// </remarks>
public sealed class ThinkTagSplitter : IDisposable
{
    private static ReadOnlySpan<byte> OpenTag => "<think>"u8;

    private static ReadOnlySpan<byte> CloseTag => "</think>"u8;

    private byte[] _input = ArrayPool<byte>.Shared.Rent(256);
    private byte[] _reasoning = ArrayPool<byte>.Shared.Rent(256);
    private byte[] _answer = ArrayPool<byte>.Shared.Rent(256);
    private int _pendingLength; // the start of a possible tag, held back from the last call
    private bool _inThink;

    /// <summary>Whether the text so far has opened a <c>&lt;think&gt;</c> block that has not closed.</summary>
    public bool IsInsideThink => _inThink;

    /// <summary>Splits the next piece of content text.</summary>
    /// <param name="content">The next content delta, UTF-8.</param>
    /// <returns>The reasoning and answer text this piece completes (either may be empty).</returns>
    public ThinkSplit Split(ReadOnlySpan<byte> content) => Run(content, final: false);

    /// <summary>Ends the text: a held-back partial tag is released as the text it turned out to be.</summary>
    /// <returns>The reasoning and answer text still held back.</returns>
    public ThinkSplit Flush() => Run(default, final: true);

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_input);
        ArrayPool<byte>.Shared.Return(_reasoning);
        ArrayPool<byte>.Shared.Return(_answer);
        _input = _reasoning = _answer = [];
    }

    private ThinkSplit Run(ReadOnlySpan<byte> content, bool final)
    {
        // The held-back bytes stay at the front of _input; the new text follows them.
        int length = _pendingLength + content.Length;
        PooledBytes.Grow(ref _input, length, _pendingLength);
        PooledBytes.Grow(ref _reasoning, length, 0);
        PooledBytes.Grow(ref _answer, length, 0);
        content.CopyTo(_input.AsSpan(_pendingLength));
        ReadOnlySpan<byte> text = _input.AsSpan(0, length);

        int reasoningLength = 0, answerLength = 0;
        while (!text.IsEmpty)
        {
            ReadOnlySpan<byte> tag = _inThink ? CloseTag : OpenTag;
            int at = text.IndexOf(tag);
            int take = at >= 0 ? at : final ? text.Length : text.Length - PartialTagLength(text, tag);
            Span<byte> target = _inThink ? _reasoning.AsSpan(reasoningLength) : _answer.AsSpan(answerLength);
            text[..take].CopyTo(target);
            if (_inThink)
            {
                reasoningLength += take;
            }
            else
            {
                answerLength += take;
            }

            if (at < 0)
            {
                text = text[take..];
                break;
            }

            text = text[(at + tag.Length)..];
            _inThink = !_inThink;
        }

        // What is left is the start of a tag that the next piece will complete or not.
        text.CopyTo(_input);
        _pendingLength = text.Length;
        return new ThinkSplit(_reasoning.AsSpan(0, reasoningLength), _answer.AsSpan(0, answerLength));
    }

    /// <summary>How many bytes at the end of <paramref name="text"/> are a proper prefix of <paramref name="tag"/>.</summary>
    private static int PartialTagLength(ReadOnlySpan<byte> text, ReadOnlySpan<byte> tag)
    {
        for (int n = Math.Min(tag.Length - 1, text.Length); n > 0; n--)
        {
            if (text[^n..].SequenceEqual(tag[..n]))
            {
                return n;
            }
        }

        return 0;
    }
}

/// <summary>What one call of <see cref="ThinkTagSplitter"/> split off: spans valid until its next call.</summary>
public readonly ref struct ThinkSplit
{
    internal ThinkSplit(ReadOnlySpan<byte> reasoning, ReadOnlySpan<byte> answer)
    {
        ReasoningUtf8 = reasoning;
        AnswerUtf8 = answer;
    }

    /// <summary>Text inside <c>&lt;think&gt;…&lt;/think&gt;</c>, without the tags.</summary>
    public ReadOnlySpan<byte> ReasoningUtf8 { get; }

    /// <summary>Text outside the think block: the answer.</summary>
    public ReadOnlySpan<byte> AnswerUtf8 { get; }
}
