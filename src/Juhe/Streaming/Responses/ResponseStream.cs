using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// Reads a Responses API stream (<c>event: response.created</c> … <c>event: response.completed</c>) as
/// one <see cref="ResponseStreamEvent"/> per event, without allocating per event.
/// </summary>
/// <remarks>
/// Construct it over any <see cref="Stream"/>. Each event's spans are valid until the next read. Event
/// types this version does not name pass through with their type, sequence number and JSON; a stray
/// <c>data: [DONE]</c> is ignored. The stream ends after <c>response.completed</c> or
/// <c>response.incomplete</c>; an <c>error</c> event or <c>response.failed</c> raises
/// <see cref="JuheApiException"/> after the events before it, and so does an end of stream before the
/// final event (<see cref="JuheErrorKind.Truncated"/>).
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a stream of response events.")]
public sealed class ResponseStream : IDisposable, IAsyncDisposable
{
    private readonly ResponseChunkDecoder _decoder = new();
    private readonly EventPump<ResponseEventDecoder> _pump;

    /// <summary>Creates a decoder over an event stream.</summary>
    /// <param name="stream">The response body; owned (disposed with this) unless <see cref="SseReaderOptions.LeaveOpen"/>.</param>
    /// <param name="options">Framing limits; <see langword="null"/> for the defaults (or the client's, for a body from <c>JuheClient</c>).</param>
    public ResponseStream(Stream stream, SseReaderOptions? options = null)
    {
        ResponseContext context = ResponseContext.Of(stream);
        _decoder.Context = context;
        _pump = new EventPump<ResponseEventDecoder>(stream, options, context, new ResponseEventDecoder(_decoder));
    }

    /// <summary>Whether <c>response.completed</c> or <c>response.incomplete</c> has been read.</summary>
    public bool IsCompleted => _pump.IsCompleted;

    /// <summary>How many events (JSON payloads) have been decoded so far.</summary>
    public long EventCount => _decoder.ChunkCount;

    /// <summary>The final response's usage, once <c>response.completed</c> or <c>response.incomplete</c> has been read.</summary>
    public ResponseStreamUsage? Usage => _decoder.FinalUsage;

    /// <summary>The event read by the last successful <see cref="TryRead"/> or <see cref="MoveNextAsync"/>; valid until the next read.</summary>
    /// <exception cref="InvalidOperationException">No read has succeeded yet, or the last one returned false.</exception>
    public ResponseStreamEvent Current
    {
        get
        {
            _pump.ThrowIfNoCurrent();
            return new ResponseStreamEvent(_decoder, _pump.CurrentData);
        }
    }

    /// <summary>Reads the next event.</summary>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns><see langword="false"/> once the final event has been read.</returns>
    /// <exception cref="JuheApiException">
    /// The stream carried an <c>error</c> event or <c>response.failed</c>, a malformed event or one over the
    /// size limit, ended before its final event, or its connection broke (<see cref="JuheApiException.Kind"/> says which).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default) => _pump.MoveNextAsync(cancellationToken);

    /// <summary>Reads the next event synchronously.</summary>
    /// <param name="streamEvent">The event, valid until the next read.</param>
    /// <returns><see langword="false"/> once the final event has been read.</returns>
    /// <exception cref="JuheApiException">As for <see cref="MoveNextAsync"/>.</exception>
    public bool TryRead(out ResponseStreamEvent streamEvent)
    {
        if (_pump.TryRead())
        {
            streamEvent = new ResponseStreamEvent(_decoder, _pump.CurrentData);
            return true;
        }

        streamEvent = default;
        return false;
    }

    /// <inheritdoc/>
    public void Dispose() => _pump.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _pump.DisposeAsync();
}
