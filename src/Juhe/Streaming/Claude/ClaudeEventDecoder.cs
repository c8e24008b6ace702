using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// The Anthropic Messages event rules over <see cref="ClaudeChunkDecoder"/>: one item per event,
/// <c>event: error</c> or an error payload raises, <c>message_stop</c> ends the stream (a stream
/// without it was cut off). Data-less events carry nothing.
/// </summary>
internal readonly struct ClaudeEventDecoder(ClaudeChunkDecoder events) : IEventDecoder
{
    public bool ReachedEnd => events.SawMessageStop;

    public bool NeedsEndEvent => true;

    public long ChunkCount => events.ChunkCount;

    public string StreamName => "Claude message";

    public string EndEventName => "message_stop event";

    public int Decode(SseEvent sseEvent)
    {
        ReadOnlySpan<byte> data = sseEvent.Data;
        if (sseEvent.IsType("error"u8))
        {
            throw events.Context.GatewayError(data);
        }

        if (data.Trim(" \t\r\n"u8).IsEmpty)
        {
            return 0;
        }

        events.Decode(data);
        return 1;
    }

    public void Release() => events.Dispose();
}
