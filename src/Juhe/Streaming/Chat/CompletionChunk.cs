using System.Text;
using Juhe.Chat;

namespace Juhe.Streaming;

/// <summary>
/// One choice of a legacy <c>text_completion</c> stream chunk (or, for a usage-only chunk, no choice
/// and its <see cref="Usage"/>). Text is unescaped UTF-8; every span is valid until the stream's next read.
/// </summary>
public readonly ref struct CompletionChunk
{
    private readonly ChatCompletionChunk _chunk;

    internal CompletionChunk(ChatChunkDecoder decoder, ReadOnlySpan<byte> data, int choice)
    {
        _chunk = new ChatCompletionChunk(decoder, data, choice);
    }

    /// <summary>Whether this item carries a choice; false for a usage-only chunk.</summary>
    public bool HasChoice => _chunk.HasChoice;

    /// <summary>The choice's <c>index</c>; -1 when <see cref="HasChoice"/> is false.</summary>
    public int ChoiceIndex => _chunk.ChoiceIndex;

    /// <summary>The completion id (<c>cmpl-…</c>) in UTF-8.</summary>
    public ReadOnlySpan<byte> IdUtf8 => _chunk.IdUtf8;

    /// <summary>The model that produced the chunk, in UTF-8.</summary>
    public ReadOnlySpan<byte> ModelUtf8 => _chunk.ModelUtf8;

    /// <summary>The chunk's <c>created</c> time (Unix seconds), 0 when absent.</summary>
    public long Created => _chunk.Created;

    /// <summary>The text of this chunk's choice, unescaped UTF-8.</summary>
    public ReadOnlySpan<byte> TextUtf8 => _chunk.ContentUtf8;

    /// <summary>The raw <c>finish_reason</c> in UTF-8; empty while the choice is still generating.</summary>
    public ReadOnlySpan<byte> FinishReasonUtf8 => _chunk.FinishReasonUtf8;

    /// <summary>Why the choice finished; <see langword="null"/> while it is still generating.</summary>
    public ChatFinishReason? FinishReason => _chunk.FinishReason;

    /// <summary>The chunk's <c>usage</c>, when it carries one.</summary>
    public ChatStreamUsage? Usage => _chunk.Usage;

    /// <summary>Allocates a string of <see cref="TextUtf8"/>.</summary>
    public string TextString() => Encoding.UTF8.GetString(TextUtf8);

    /// <summary>Allocates a string of <see cref="IdUtf8"/>.</summary>
    public string IdString() => Encoding.UTF8.GetString(IdUtf8);
}
