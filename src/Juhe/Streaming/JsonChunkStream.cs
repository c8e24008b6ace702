using System.Runtime.CompilerServices;
using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// What the OpenAI-style streams (<see cref="ChatCompletionStream"/>, <see cref="CompletionStream"/>)
/// share: it reads <c>data:</c> events, decodes each JSON chunk without allocating, hands out one
/// item per choice, and turns error payloads, <c>event: error</c> and an end before <c>[DONE]</c>
/// into <see cref="JuheApiException"/>. Derived types add the typed <c>Current</c> item.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a stream of JSON chunks; the derived names end the same way.")]
public abstract class JsonChunkStream : IDisposable, IAsyncDisposable
{
    private readonly SseReader _reader;
    private readonly ResponseContext _context;
    private readonly string _streamName;
    private int _itemCount; // items in the current chunk
    private int _nextItem;

    private protected JsonChunkStream(Stream stream, SseReaderOptions? options, string streamName)
    {
        // A body JuheClient opened knows its response and the client's stream options.
        _context = ResponseContext.Of(stream);
        _reader = new SseReader(stream, options ?? _context.StreamOptions);
        Decoder.Context = _context;
        _streamName = streamName;
    }

    /// <summary>Whether the stream's <c>[DONE]</c> marker has been read.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>How many chunks (JSON payloads) have been decoded so far.</summary>
    public long ChunkCount { get; private set; }

    /// <summary>The last <c>usage</c> any chunk carried (gateways may send it on the last content chunk or a usage-only chunk).</summary>
    public ChatStreamUsage? Usage { get; private set; }

    private protected ChatChunkDecoder Decoder { get; } = new();

    private protected bool HasCurrent { get; private set; }

    /// <summary>The choice slot of the current item; -1 for a usage-only item.</summary>
    private protected int CurrentChoice { get; private set; } = -1;

    /// <summary>The current chunk's bytes, which the decoder's segments point into.</summary>
    private protected ReadOnlySpan<byte> CurrentData => _reader.Current.Data;

    /// <summary>Reads the next item, which is then the derived type's <c>Current</c>.</summary>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns><see langword="false"/> once <c>[DONE]</c> has been read.</returns>
    /// <exception cref="JuheApiException">
    /// The stream carried an error, a malformed chunk or an event over the size limit, ended before
    /// <c>[DONE]</c>, or its connection broke (<see cref="JuheApiException.Kind"/> says which). It has the
    /// response's status and request id when the stream came from <c>JuheClient</c>.
    /// </exception>
    /// <exception cref="TimeoutException">A stream from <c>JuheClient</c> waited longer than its first-byte or idle timeout.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> fired. A stream from <c>JuheClient</c> closes its connection
    /// then, so the stream cannot be read further; dispose it.
    /// </exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
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
                throw Truncated();
            }

            Accept(_reader.Current);
        }

        return new ValueTask<bool>(true);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        HasCurrent = false;
        _reader.Dispose();
        Decoder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        HasCurrent = false;
        await _reader.DisposeAsync().ConfigureAwait(false);
        Decoder.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected void ThrowIfNoCurrent()
    {
        if (!HasCurrent)
        {
            throw new InvalidOperationException("There is no current chunk: call MoveNextAsync or TryRead first, and only use Current while it returned true.");
        }
    }

    /// <summary>The synchronous read under the derived types' <c>TryRead</c>.</summary>
    private protected bool TryReadItem()
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
                    throw Truncated();
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
            throw Truncated();
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

        CurrentChoice = Decoder.ChoiceCount == 0 ? -1 : _nextItem;
        _nextItem++;
        HasCurrent = true;
        return true;
    }

    private void Accept(SseEvent sseEvent)
    {
        _itemCount = _nextItem = 0;
        ReadOnlySpan<byte> data = sseEvent.Data;
        if (sseEvent.IsType("error"u8))
        {
            throw _context.GatewayError(data);
        }

        if (!sseEvent.IsType("message"u8) || data.Trim(" \t\r\n"u8).IsEmpty)
        {
            return; // unknown event types and empty keep-alive events carry no chunk
        }

        if (data.SequenceEqual("[DONE]"u8))
        {
            IsCompleted = true;
            return;
        }

        Decoder.Decode(data);
        ChunkCount++;
        if (Decoder.Usage is { } usage)
        {
            Usage = usage;
        }

        _itemCount = Decoder.ChoiceCount > 0 ? Decoder.ChoiceCount : Decoder.Usage is null ? 0 : 1;
    }

    private JuheApiException Truncated() => _context.Failure(JuheErrorKind.Truncated,
        $"The {_streamName} stream ended after {ChunkCount} chunk(s) without its [DONE] marker, so the response is truncated " +
        "(the connection closed or the gateway stopped early). The chunks read before this remain valid.");

    private JuheApiException FramingError(SseException e) => _context.Failure(JuheErrorKind.InvalidResponse,
        $"The {_streamName} stream could not be framed after {ChunkCount} chunk(s): {e.Message} The chunks read before this remain valid.", e);
}
