using System.Threading.Channels;

namespace Juhe.Tests.Http;

/// <summary>A response body fed by the test: chunks, a failure, or the end; reads wait until then.</summary>
public sealed class ScriptedStream : Stream
{
    private readonly Channel<Func<byte[]>> _chunks = Channel.CreateUnbounded<Func<byte[]>>();
    private readonly CancellationTokenSource _disposed = new();
    private byte[] _pending = [];
    private int _offset;

    public bool IsDisposed => _disposed.IsCancellationRequested;

    public void Push(byte[] bytes) => _chunks.Writer.TryWrite(() => bytes);

    public void Fail(Exception error) => _chunks.Writer.TryWrite(() => throw error);

    public void End() => _chunks.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _pending.Length)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
            if (!await _chunks.Reader.WaitToReadAsync(both.Token))
            {
                return 0;
            }

            _pending = (await _chunks.Reader.ReadAsync(both.Token))();
            _offset = 0;
        }

        int n = Math.Min(buffer.Length, _pending.Length - _offset);
        _pending.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
        }

        base.Dispose(disposing);
    }
}

/// <summary>An endless body of 'x' that counts what was read from it.</summary>
public sealed class EndlessStream : Stream
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        buffer.AsSpan(offset, count).Fill((byte)'x');
        BytesRead += count;
        return count;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
