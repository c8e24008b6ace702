using System.Text;
using Juhe.Chat;

namespace Juhe.Streaming;

/// <summary>
/// One choice's delta from a <c>chat.completion.chunk</c> (or, for a usage-only chunk, no choice and
/// its <see cref="Usage"/>). Text is unescaped UTF-8; every span is valid until the stream's next read.
/// </summary>
public readonly ref struct ChatCompletionChunk
{
    private readonly ChatChunkDecoder? _decoder;
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _choice;

    internal ChatCompletionChunk(ChatChunkDecoder decoder, ReadOnlySpan<byte> data, int choice)
    {
        _decoder = decoder;
        _data = data;
        _choice = choice;
    }

    /// <summary>Whether this item carries a choice's delta; false for a usage-only chunk (<c>"choices":[]</c>).</summary>
    public bool HasChoice => _choice >= 0;

    /// <summary>The choice's <c>index</c> (several interleave when <c>n</c> &gt; 1); -1 when <see cref="HasChoice"/> is false.</summary>
    public int ChoiceIndex => HasChoice ? Choice.Index : -1;

    /// <summary>The completion id (<c>chatcmpl-…</c>) in UTF-8.</summary>
    public ReadOnlySpan<byte> IdUtf8 => Resolve(_decoder?.Id ?? Utf8Segment.Absent);

    /// <summary>The model that produced the chunk, in UTF-8.</summary>
    public ReadOnlySpan<byte> ModelUtf8 => Resolve(_decoder?.Model ?? Utf8Segment.Absent);

    /// <summary>The chunk's <c>created</c> time (Unix seconds), 0 when absent.</summary>
    public long Created => _decoder?.Created ?? 0;

    /// <summary>The role, when the delta names one (usually only the first chunk: <c>assistant</c>).</summary>
    public ReadOnlySpan<byte> RoleUtf8 => HasChoice ? Resolve(Choice.Role) : default;

    /// <summary>The content text of this delta, unescaped UTF-8; empty when it carries none.</summary>
    public ReadOnlySpan<byte> ContentUtf8 => HasChoice ? Resolve(Choice.Content) : default;

    /// <summary>
    /// The reasoning text of this delta, unescaped UTF-8: <c>reasoning_content</c>, or <c>reasoning</c>
    /// when only that is sent (gateways send the same text under both; it is read once).
    /// </summary>
    public ReadOnlySpan<byte> ReasoningUtf8 => HasChoice ? Resolve(Choice.Reasoning) : default;

    /// <summary>The refusal text of this delta, unescaped UTF-8; empty when none.</summary>
    public ReadOnlySpan<byte> RefusalUtf8 => HasChoice ? Resolve(Choice.Refusal) : default;

    /// <summary>The raw <c>finish_reason</c> in UTF-8; empty while the choice is still generating.</summary>
    public ReadOnlySpan<byte> FinishReasonUtf8 => HasChoice ? Resolve(Choice.FinishReason) : default;

    /// <summary>
    /// Why the choice finished, as the same values non-streaming responses use; <see langword="null"/>
    /// while it is still generating. Known values allocate nothing; an unknown one is kept as sent.
    /// </summary>
    public ChatFinishReason? FinishReason => FinishReasons.Parse(FinishReasonUtf8);

    /// <summary>The tool-call fragments of this delta.</summary>
    public ChatToolCallFragmentList ToolCalls => HasChoice
        ? new ChatToolCallFragmentList(_decoder!, _data, Choice.ToolCallStart, Choice.ToolCallCount)
        : default;

    /// <summary>The chunk's <c>usage</c>, when it carries one (the usage chunk, or some upstreams' last chunk).</summary>
    public ChatStreamUsage? Usage => _decoder?.Usage;

    private ref readonly ChatChunkDecoder.Choice Choice => ref _decoder!.GetChoice(_choice);

    /// <summary>Allocates a string of <see cref="ContentUtf8"/>.</summary>
    public string ContentString() => Encoding.UTF8.GetString(ContentUtf8);

    /// <summary>Allocates a string of <see cref="ReasoningUtf8"/>.</summary>
    public string ReasoningString() => Encoding.UTF8.GetString(ReasoningUtf8);

    /// <summary>Allocates a string of <see cref="IdUtf8"/>.</summary>
    public string IdString() => Encoding.UTF8.GetString(IdUtf8);

    /// <summary>Allocates a string of <see cref="ModelUtf8"/>.</summary>
    public string ModelString() => Encoding.UTF8.GetString(ModelUtf8);

    private ReadOnlySpan<byte> Resolve(Utf8Segment segment) => _decoder is null ? default : _decoder.Resolve(_data, segment);
}
