using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// Reads an Anthropic Messages stream (<c>event: message_start</c> … <c>event: message_stop</c>) as one
/// <see cref="ClaudeStreamEvent"/> per event, without allocating per event.
/// </summary>
/// <remarks>
/// Construct it over any <see cref="Stream"/> (an HTTP response body, a file, a <see cref="MemoryStream"/>).
/// Each event's spans are valid until the next read. <c>ping</c> events are handed out too, and
/// event, block and delta types this version does not know pass through with their JSON. An
/// <c>error</c> event raises <see cref="JuheApiException"/> after the events before it, and so does an
/// end of stream before <c>message_stop</c> (<see cref="JuheErrorKind.Truncated"/>).
/// <see cref="ClaudeMessageAccumulator"/> builds the final message from the events.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a stream of message events.")]
public sealed class ClaudeMessageStream : IDisposable, IAsyncDisposable
{
    private readonly ClaudeChunkDecoder _decoder = new();
    private readonly EventPump<ClaudeEventDecoder> _pump;

    /// <summary>Creates a decoder over an event stream.</summary>
    /// <param name="stream">The response body; owned (disposed with this) unless <see cref="SseReaderOptions.LeaveOpen"/>.</param>
    /// <param name="options">Framing limits; <see langword="null"/> for the defaults (or the client's, for a body from <c>JuheClient</c>).</param>
    public ClaudeMessageStream(Stream stream, SseReaderOptions? options = null)
    {
        ResponseContext context = ResponseContext.Of(stream);
        _decoder.Context = context;
        _pump = new EventPump<ClaudeEventDecoder>(stream, options, context, new ClaudeEventDecoder(_decoder));
    }

    /// <summary>Whether <c>message_stop</c> has been read.</summary>
    public bool IsCompleted => _pump.IsCompleted;

    /// <summary>How many events (JSON payloads) have been decoded so far.</summary>
    public long EventCount => _decoder.ChunkCount;

    /// <summary>The usage merged over the events so far (each field the last value sent, never a sum); <see langword="null"/> before <c>message_start</c>.</summary>
    public ClaudeStreamUsage? Usage => _decoder.MergedUsage;

    /// <summary>The event read by the last successful <see cref="TryRead"/> or <see cref="MoveNextAsync"/>; valid until the next read.</summary>
    /// <exception cref="InvalidOperationException">No read has succeeded yet, or the last one returned false.</exception>
    public ClaudeStreamEvent Current
    {
        get
        {
            _pump.ThrowIfNoCurrent();
            return new ClaudeStreamEvent(_decoder, _pump.CurrentData);
        }
    }

    /// <summary>Reads the next event.</summary>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns><see langword="false"/> once <c>message_stop</c> has been read.</returns>
    /// <exception cref="JuheApiException">
    /// The stream carried an <c>error</c> event, a malformed event or one over the size limit, ended before
    /// <c>message_stop</c>, or its connection broke (<see cref="JuheApiException.Kind"/> says which).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default) => _pump.MoveNextAsync(cancellationToken);

    /// <summary>Reads the next event synchronously.</summary>
    /// <param name="streamEvent">The event, valid until the next read.</param>
    /// <returns><see langword="false"/> once <c>message_stop</c> has been read.</returns>
    /// <exception cref="JuheApiException">As for <see cref="MoveNextAsync"/>.</exception>
    public bool TryRead(out ClaudeStreamEvent streamEvent)
    {
        if (_pump.TryRead())
        {
            streamEvent = new ClaudeStreamEvent(_decoder, _pump.CurrentData);
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
