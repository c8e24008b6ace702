using System.Runtime.CompilerServices;
using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// The read loop every typed stream shares: it frames events with an <see cref="SseReader"/>, hands
/// each to the format's decoder, then hands out the decoder's items one by one. It owns the end-of-stream
/// policy (the format's end event ends it; the end of the bytes before that event is a truncation
/// unless the format has no end event) and turns framing errors into <see cref="JuheApiException"/>.
/// </summary>
/// <remarks>
/// <see cref="MoveNextAsync"/> stays synchronous while the reader has buffered bytes, so a stream that
/// arrives in large reads costs no state machine per item.
/// </remarks>
internal sealed class EventPump<TDecoder> : IDisposable, IAsyncDisposable
    where TDecoder : IEventDecoder
{
    private readonly SseReader _reader;
    private readonly ResponseContext _context;
    private TDecoder _decoder; // not readonly: a struct decoder is called in place
    private int _itemCount; // items of the current event
    private int _nextItem;

    public EventPump(Stream stream, SseReaderOptions? options, ResponseContext context, TDecoder decoder)
    {
        _context = context;
        _reader = new SseReader(stream, options ?? context.StreamOptions) { DispatchPendingAtEnd = true };
        _decoder = decoder;
    }

    /// <summary>Whether the format's end event has been read (or, for a format without one, the end of the stream).</summary>
    public bool IsCompleted { get; private set; }

    public bool HasCurrent { get; private set; }

    /// <summary>Which of the current event's items is current (0-based).</summary>
    public int CurrentItem { get; private set; }

    /// <summary>The current event's data, which the decoder's values point into.</summary>
    public ReadOnlySpan<byte> CurrentData => _reader.Current.Data;

    /// <summary>The current event's type.</summary>
    public ReadOnlySpan<byte> CurrentEventType => _reader.Current.EventType;

    public ref TDecoder Decoder => ref _decoder;

    public void ThrowIfNoCurrent()
    {
        if (!HasCurrent)
        {
            throw new InvalidOperationException("There is no current item: call MoveNextAsync or TryRead first, and only use Current while it returned true.");
        }
    }

    /// <summary>Reads the next item synchronously (blocking on the stream if it must).</summary>
    /// <returns><see langword="false"/> once the stream has ended.</returns>
    public bool TryRead()
    {
        while (!TryNextItem())
        {
            if (IsCompleted)
            {
                return false;
            }

            SseEvent sseEvent;
            try
            {
                if (!_reader.TryRead(out sseEvent))
                {
                    EndOfBytes();
                    return false;
                }
            }
            catch (SseException e)
            {
                throw FramingError(e);
            }

            Accept(sseEvent);
        }

        return true;
    }

    /// <summary>Reads the next item.</summary>
    /// <returns><see langword="false"/> once the stream has ended.</returns>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (!TryNextItem())
        {
            if (IsCompleted)
            {
                return new ValueTask<bool>(false);
            }

            ValueTask<bool> read;
            try
            {
                read = _reader.MoveNextAsync(cancellationToken);
            }
            catch (SseException e)
            {
                throw FramingError(e);
            }

            if (!read.IsCompletedSuccessfully)
            {
                return AwaitEventAsync(read, cancellationToken);
            }

            if (!read.Result)
            {
                EndOfBytes();
                return new ValueTask<bool>(false);
            }

            Accept(_reader.Current);
        }

        return new ValueTask<bool>(true);
    }

    public void Dispose()
    {
        HasCurrent = false;
        _reader.Dispose();
        _decoder.Release();
    }

    public async ValueTask DisposeAsync()
    {
        HasCurrent = false;
        await _reader.DisposeAsync().ConfigureAwait(false);
        _decoder.Release();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AwaitEventAsync(ValueTask<bool> pending, CancellationToken cancellationToken)
    {
        bool read;
        try
        {
            read = await pending.ConfigureAwait(false);
        }
        catch (SseException e)
        {
            throw FramingError(e);
        }

        if (!read)
        {
            EndOfBytes();
            return false;
        }

        Accept(_reader.Current);
        return await MoveNextAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool TryNextItem()
    {
        if (_nextItem >= _itemCount)
        {
            HasCurrent = false;
            return false;
        }

        CurrentItem = _nextItem++;
        HasCurrent = true;
        return true;
    }

    private void Accept(SseEvent sseEvent)
    {
        _nextItem = 0;
        _itemCount = _reader.EndedInsideEvent ? DecodeLastEvent(sseEvent) : _decoder.Decode(sseEvent);

        if (_decoder.ReachedEnd)
        {
            IsCompleted = true;
        }
    }

    /// <summary>Decodes an event the end of the bytes dispatched: if it does not parse, it was cut off rather than malformed.</summary>
    private int DecodeLastEvent(SseEvent sseEvent)
    {
        try
        {
            return _decoder.Decode(sseEvent);
        }
        catch (JuheApiException e) when (e.Kind == JuheErrorKind.InvalidResponse)
        {
            throw Truncated(e);
        }
    }

    /// <summary>The bytes ended: the normal end of a format without an end event, a truncation otherwise.</summary>
    private void EndOfBytes()
    {
        HasCurrent = false;
        if (_decoder.NeedsEndEvent)
        {
            throw Truncated(inner: null);
        }

        IsCompleted = true;
    }

    private JuheApiException Truncated(Exception? inner) => _context.Failure(JuheErrorKind.Truncated,
        $"The {_decoder.StreamName} stream ended after {_decoder.ChunkCount} chunk(s) without its {_decoder.EndEventName}, so the response is truncated " +
        "(the connection closed or the gateway stopped early). The items read before this remain valid.", inner);

    private JuheApiException FramingError(SseException e) => _context.Failure(JuheErrorKind.InvalidResponse,
        $"The {_decoder.StreamName} stream could not be framed after {_decoder.ChunkCount} chunk(s): {e.Message} The items read before this remain valid.", e);
}
