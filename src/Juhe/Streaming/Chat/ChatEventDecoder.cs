using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// The OpenAI-style event rules over <see cref="ChatChunkDecoder"/>: <c>data:</c> chunks until
/// <c>data: [DONE]</c>; <c>event: error</c> (Groq) raises; other event types and empty keep-alive
/// events carry nothing. Each chunk yields one item per choice, or one for a usage-only chunk.
/// </summary>
internal readonly struct ChatEventDecoder : IEventDecoder
{
    private readonly ChatChunkDecoder _chunks;
    private readonly ChatStreamState _state;

    public ChatEventDecoder(ChatChunkDecoder chunks, ChatStreamState state, string streamName)
    {
        _chunks = chunks;
        _state = state;
        StreamName = streamName;
    }

    public bool ReachedEnd => _state.SawDone;

    public bool NeedsEndEvent => true;

    public long ChunkCount => _state.ChunkCount;

    public string StreamName { get; }

    public string EndEventName => "[DONE] marker";

    public int Decode(SseEvent sseEvent)
    {
        ReadOnlySpan<byte> data = sseEvent.Data;
        if (sseEvent.IsType("error"u8))
        {
            throw _chunks.Context.GatewayError(data);
        }

        if (!sseEvent.IsType("message"u8) || data.Trim(" \t\r\n"u8).IsEmpty)
        {
            return 0; // unknown event types and empty keep-alive events carry no chunk
        }

        if (data.SequenceEqual("[DONE]"u8))
        {
            _state.SawDone = true;
            return 0;
        }

        _chunks.Decode(data);
        _state.ChunkCount++;
        if (_chunks.Usage is { } usage)
        {
            _state.Usage = usage;
        }

        return _chunks.ChoiceCount > 0 ? _chunks.ChoiceCount : _chunks.Usage is null ? 0 : 1;
    }

    public void Release() => _chunks.Dispose();
}

/// <summary>What a chat stream remembers across chunks.</summary>
internal sealed class ChatStreamState
{
    public bool SawDone;
    public long ChunkCount;
    public ChatStreamUsage? Usage;
}
