namespace Juhe.Gateway.Streaming;

/// <summary>
/// One family's event stream: the events of a normal answer, and its error and oversized events for
/// faults. Implementations write JSON with <see cref="System.Text.Json.Utf8JsonWriter"/>.
/// </summary>
internal abstract class StreamFormat
{
    /// <summary>The line ends this family uses.</summary>
    public virtual LineEnd LineEnd => LineEnd.Lf;

    /// <summary>Whether new-api's <c>: PING</c> keep-alive may open the stream (families whose streams it writes).</summary>
    public virtual bool SendsKeepAlive => true;

    /// <summary>The events of the whole answer, in order.</summary>
    public abstract IReadOnlyList<SseFrame> Events(StreamRequest request);

    /// <summary>The family's mid-stream error event.</summary>
    public abstract SseFrame ErrorEvent(StreamRequest request, int sequence);

    /// <summary>new-api's <c>relay_stream_error</c> chunk, for OpenAI-style streams; others send their error event.</summary>
    public virtual SseFrame RelayStreamError(StreamRequest request, int sequence) => ErrorEvent(request, sequence);

    /// <summary>Whether the stream has an end marker to send after a relay error (<c>[DONE]</c>).</summary>
    public virtual SseFrame? DoneMarker => null;

    /// <summary>A valid event whose data is about <paramref name="bytes"/> long.</summary>
    public abstract SseFrame OversizedEvent(StreamRequest request, int bytes);

    /// <summary>An event whose data is not valid JSON (cut off mid-member).</summary>
    public virtual SseFrame MalformedEvent() => new(null, "{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"cut"u8.ToArray());
}
