using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// One stream format's reading of events: an <see cref="SseEvent"/> in, and out some items, the end
/// of the stream, or an error (thrown as a <see cref="Http.JuheApiException"/> made by the response's
/// context). <see cref="EventPump{TDecoder}"/> takes the decoder as a type parameter rather than a
/// delegate: a struct decoder gets code of its own, so every call here is direct and can be inlined.
/// </summary>
internal interface IEventDecoder
{
    /// <summary>Whether the last decoded event was the format's end (<c>[DONE]</c>, <c>message_stop</c>, <c>response.completed</c>…); no event is read after it.</summary>
    bool ReachedEnd { get; }

    /// <summary>
    /// Whether the format has an end event, so that the end of the bytes before it means the response
    /// was cut off. Gemini has none: its stream simply ends.
    /// </summary>
    bool NeedsEndEvent { get; }

    /// <summary>How many JSON payloads (chunks) the decoder has read, end markers and keep-alives not counted.</summary>
    long ChunkCount { get; }

    /// <summary>The stream as messages name it ("chat", "Claude message").</summary>
    string StreamName { get; }

    /// <summary>The end event(s) as messages name them ("[DONE] marker", "message_stop event").</summary>
    string EndEventName { get; }

    /// <summary>Decodes one event; the values stay valid while the event's bytes do.</summary>
    /// <returns>How many items the event yields (0 for one that carries none: a keep-alive, the end marker).</returns>
    int Decode(SseEvent sseEvent);

    /// <summary>Returns the decoder's pooled buffers.</summary>
    void Release();
}
