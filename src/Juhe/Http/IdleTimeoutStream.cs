using System.Globalization;

namespace Juhe.Http;

/// <summary>
/// The body of a streaming response, failing a read with a <see cref="TimeoutException"/> when no
/// bytes arrive for <see cref="JuheClientOptions.StreamIdleTimeout"/>. Disposing it releases the
/// response (and so the connection).
/// </summary>
/// <remarks>
/// One timer per stream, re-armed around each read: asynchronous reads are cancelled through a
/// token, synchronous ones (which cannot take a token) by closing the underlying stream. A stream
/// that timed out stays failed.
/// </remarks>
internal sealed class IdleTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly IDisposable _owner;
    private readonly TimeSpan _idleTimeout;
    private readonly ITimer? _timer;
    private readonly CancellationTokenSource? _idle;
    private volatile bool _timedOut;
    private bool _disposed;

    public IdleTimeoutStream(Stream inner, IDisposable owner, TimeSpan idleTimeout, TimeProvider time)
    {
        _inner = inner;
        _owner = owner;
        _idleTimeout = idleTimeout;
        if (idleTimeout != Timeout.InfiniteTimeSpan)
        {
            _idle = new CancellationTokenSource();
            _timer = time.CreateTimer(static state => ((IdleTimeoutStream)state!).OnIdle(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

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
        if (_timer is null)
        {
            return _inner.Read(buffer);
        }

        _timer.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            int read = _inner.Read(buffer);
            return read == 0 && _timedOut ? throw IdleTimeout(null) : read;
        }
        catch (Exception e) when (_timedOut && e is not TimeoutException)
        {
            throw IdleTimeout(e);
        }
        finally
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        // Linking allocates, so only when the caller can actually cancel.
        CancellationTokenSource? linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle!.Token)
            : null;
        _timer.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            int read = await _inner.ReadAsync(buffer, linked?.Token ?? _idle!.Token).ConfigureAwait(false);
            return read == 0 && _timedOut ? throw IdleTimeout(null) : read;
        }
        catch (Exception e) when (_timedOut && !cancellationToken.IsCancellationRequested && e is not TimeoutException)
        {
            throw IdleTimeout(e);
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
            throw IdleTimeout(null);
        }
    }

    private TimeoutException IdleTimeout(Exception? inner) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"No bytes arrived on the event stream for {_idleTimeout} (JuheClientOptions.StreamIdleTimeout); the stream was abandoned."),
        inner);
}
