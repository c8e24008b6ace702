using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// The Gemini <c>alt=sse</c> rules over <see cref="GeminiChunkDecoder"/>: <c>data:</c> chunks until the
/// bytes end (Gemini has no end event); one item per candidate, or one for a chunk without candidates
/// (a blocked prompt, a usage-only chunk); an <c>{"error":…}</c> chunk or <c>event: error</c> raises.
/// </summary>
internal readonly struct GeminiEventDecoder(GeminiChunkDecoder chunks) : IEventDecoder
{
    public bool ReachedEnd => false;

    public bool NeedsEndEvent => false;

    public long ChunkCount => chunks.ChunkCount;

    public string StreamName => "Gemini";

    public string EndEventName => "end";

    public int Decode(SseEvent sseEvent)
    {
        ReadOnlySpan<byte> data = sseEvent.Data;
        if (sseEvent.IsType("error"u8))
        {
            throw chunks.Context.GatewayError(data);
        }

        if (data.Trim(" \t\r\n"u8).IsEmpty || data.SequenceEqual("[DONE]"u8))
        {
            return 0;
        }

        chunks.Decode(data);
        return Math.Max(chunks.CandidateCount, 1);
    }

    public void Release() => chunks.Dispose();
}
