using System.Text;

namespace Juhe.Streaming;

/// <summary>
/// One candidate of a Gemini stream chunk (or, for a chunk without candidates — a blocked prompt, a
/// usage-only chunk — no candidate and the chunk's fields). Spans valid until the stream's next read.
/// </summary>
public readonly ref struct GeminiStreamChunk
{
    private readonly GeminiChunkDecoder? _decoder;
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _candidate;

    internal GeminiStreamChunk(GeminiChunkDecoder decoder, ReadOnlySpan<byte> data, int candidate)
    {
        _decoder = decoder;
        _data = data;
        _candidate = candidate;
    }

    /// <summary>Whether this item is a candidate; false for a chunk that has none.</summary>
    public bool HasCandidate => _candidate >= 0;

    /// <summary>The candidate's <c>index</c> (its position when the model omits it); -1 without a candidate.</summary>
    public int CandidateIndex => HasCandidate ? Candidate.Index : -1;

    /// <summary>The candidate's parts in this chunk: text and thoughts to append, whole function calls, inline data, code.</summary>
    public GeminiStreamPartList Parts => HasCandidate ? new GeminiStreamPartList(_decoder!, _data, Candidate.PartStart, Candidate.PartCount) : default;

    /// <summary>The raw <c>finishReason</c> (<c>STOP</c>, <c>MAX_TOKENS</c>, <c>SAFETY</c>…); empty while generating.</summary>
    public ReadOnlySpan<byte> FinishReasonUtf8 => HasCandidate ? Resolve(Candidate.FinishReason) : default;

    /// <summary>The chunk's <c>usageMetadata</c>: running totals, so the last chunk's are the response's.</summary>
    public GeminiStreamUsage? Usage => _decoder?.Usage;

    /// <summary><c>promptFeedback.blockReason</c> when the prompt was blocked (and no candidates came).</summary>
    public ReadOnlySpan<byte> BlockReasonUtf8 => Resolve(_decoder?.BlockReason ?? Utf8Segment.Absent);

    /// <summary>The chunk's <c>modelVersion</c>.</summary>
    public ReadOnlySpan<byte> ModelVersionUtf8 => Resolve(_decoder?.ModelVersion ?? Utf8Segment.Absent);

    /// <summary>The chunk's <c>responseId</c>.</summary>
    public ReadOnlySpan<byte> ResponseIdUtf8 => Resolve(_decoder?.ResponseId ?? Utf8Segment.Absent);

    /// <summary>The chunk's whole JSON.</summary>
    public ReadOnlySpan<byte> Json => _data;

    /// <summary>Allocates a string of <see cref="FinishReasonUtf8"/>; <see langword="null"/> while generating.</summary>
    public string? FinishReasonString() => FinishReasonUtf8.IsEmpty ? null : Encoding.UTF8.GetString(FinishReasonUtf8);

    private ref readonly GeminiChunkDecoder.Candidate Candidate => ref _decoder!.GetCandidate(_candidate);

    private ReadOnlySpan<byte> Resolve(Utf8Segment segment) => _decoder is null ? default : _decoder.Resolve(_data, segment);
}
