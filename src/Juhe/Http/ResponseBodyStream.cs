using System.Globalization;

namespace Juhe.Http;

/// <summary>
/// The body of a streaming response as <see cref="JuheClient"/> hands it out. A read fails with a
/// <see cref="TimeoutException"/> when the first byte takes longer than
/// <see cref="JuheClientOptions.StreamFirstByteTimeout"/> or a later one longer than
/// <see cref="JuheClientOptions.StreamIdleTimeout"/>; a connection that breaks mid-body becomes a
/// <see cref="JuheApiException"/> of kind <see cref="JuheErrorKind.Transport"/>. It carries the
/// <see cref="ResponseContext"/> the stream decoders raise their errors with. Disposing it releases
/// the response (and so the connection).
/// </summary>
/// <remarks>
/// One timer per stream, re-armed around each read: asynchronous reads are cancelled through a
/// token, synchronous ones (which cannot take a token) by closing the underlying stream. A stream
/// that timed out stays failed.
/// </remarks>
internal sealed class ResponseBodyStream : Stream
{
    private readonly Stream _inner;
    private readonly IDisposable _owner;
    private readonly TimeSpan _firstByteTimeout;
    private readonly TimeSpan _idleTimeout;
    private readonly ITimer? _timer;
    private readonly CancellationTokenSource? _idle;
    private volatile bool _timedOut;
    private bool _disposed;
    private long _received;

    public ResponseBodyStream(Stream inner, IDisposable owner, ResponseContext context, TimeSpan firstByteTimeout, TimeSpan idleTimeout, TimeProvider time)
    {
        _inner = inner;
        _owner = owner;
        Context = context;
        _firstByteTimeout = firstByteTimeout;
        _idleTimeout = idleTimeout;
        if (idleTimeout != Timeout.InfiniteTimeSpan || firstByteTimeout != Timeout.InfiniteTimeSpan)
        {
            _idle = new CancellationTokenSource();
            _timer = time.CreateTimer(static state => ((ResponseBodyStream)state!).OnIdle(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The response this body belongs to.</summary>
    public ResponseContext Context { get; }

    /// <summary>The wait the next read is bounded by: the first byte's until one has arrived.</summary>
    private TimeSpan CurrentLimit => _received == 0 ? _firstByteTimeout : _idleTimeout;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("An event stream has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("An event stream cannot seek.");
        set => throw new NotSupportedException("An event stream cannot seek.");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        ThrowIfUnusable();
        TimeSpan limit = CurrentLimit;
        _timer?.Change(limit, Timeout.InfiniteTimeSpan);
        try
        {
            int read = _inner.Read(buffer);
            return Received(read == 0 && _timedOut ? throw IdleTimeout(limit, null) : read);
        }
        catch (Exception e) when (_timedOut && e is not TimeoutException)
        {
            throw IdleTimeout(limit, e);
        }
        catch (Exception e) when (IsTransportFault(e))
        {
            throw TransportFault(e);
        }
        finally
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        if (_timer is null)
        {
            try
            {
                return Received(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (IsTransportFault(e) && !cancellationToken.IsCancellationRequested)
            {
                throw TransportFault(e);
            }
        }

        // Linking allocates, so only when the caller can actually cancel.
        CancellationTokenSource? linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle!.Token)
            : null;
        TimeSpan limit = CurrentLimit;
        _timer.Change(limit, Timeout.InfiniteTimeSpan);
        try
        {
            int read = await _inner.ReadAsync(buffer, linked?.Token ?? _idle!.Token).ConfigureAwait(false);
            return Received(read == 0 && _timedOut ? throw IdleTimeout(limit, null) : read);
        }
        catch (Exception e) when (_timedOut && !cancellationToken.IsCancellationRequested && e is not TimeoutException)
        {
            throw IdleTimeout(limit, e);
        }
        catch (Exception e) when (IsTransportFault(e) && !cancellationToken.IsCancellationRequested)
        {
            throw TransportFault(e);
        }
        finally
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            linked?.Dispose();
        }
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("An event stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("An event stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An event stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _timer?.Dispose();
            _inner.Dispose();
            _owner.Dispose();
            _idle?.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Received(int read)
    {
        _received += read;
        return read;
    }

    /// <summary>
    /// What the connection throws when it breaks mid-body: <see cref="HttpIOException"/> (a reset, a bad
    /// chunk, a body shorter than its length) and other <see cref="IOException"/>s, and
    /// <see cref="InvalidDataException"/> from a corrupt compressed body.
    /// </summary>
    private bool IsTransportFault(Exception e) => !_disposed && e is IOException or InvalidDataException;

    private JuheApiException TransportFault(Exception e) => Context.BodyReadFailure(e, _received, streamed: true);

    private void OnIdle()
    {
        _timedOut = true;
        try
        {
            _idle!.Cancel();
            _inner.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The stream was disposed while the timer fired: nothing is waiting any more.
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_timedOut)
        {
            throw IdleTimeout(CurrentLimit, null);
        }
    }

    private TimeoutException IdleTimeout(TimeSpan limit, Exception? inner) => new(
        _received == 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"The first byte of the event stream did not arrive within {limit} (JuheClientOptions.StreamFirstByteTimeout); the stream was abandoned.")
            : string.Create(CultureInfo.InvariantCulture,
                $"No bytes arrived on the event stream for {limit} (JuheClientOptions.StreamIdleTimeout) after {_received} byte(s); the stream was abandoned."),
        inner);
}
