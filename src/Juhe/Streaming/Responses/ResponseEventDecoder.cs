using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// The Responses API event rules over <see cref="ResponseChunkDecoder"/>: one item per event; an
/// <c>error</c> event or <c>response.failed</c> raises; <c>response.completed</c> or
/// <c>response.incomplete</c> ends the stream (a stream without either was cut off). A stray
/// <c>data: [DONE]</c> (OpenRouter) and data-less events carry nothing.
/// </summary>
internal readonly struct ResponseEventDecoder(ResponseChunkDecoder events) : IEventDecoder
{
    public bool ReachedEnd => events.SawEnd;

    public bool NeedsEndEvent => true;

    public long ChunkCount => events.ChunkCount;

    public string StreamName => "Responses";

    public string EndEventName => "response.completed, response.incomplete or response.failed event";

    public int Decode(SseEvent sseEvent)
    {
        ReadOnlySpan<byte> data = sseEvent.Data;
        if (sseEvent.IsType("error"u8))
        {
            throw events.Context.GatewayError(data);
        }

        if (data.Trim(" \t\r\n"u8).IsEmpty || data.SequenceEqual("[DONE]"u8))
        {
            return 0;
        }

        events.Decode(data);
        return 1;
    }

    public void Release() => events.Dispose();
}
