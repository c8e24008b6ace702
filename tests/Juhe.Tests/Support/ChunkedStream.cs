namespace Juhe.Tests.Support;

/// <summary>
/// A read-only stream over fixed bytes that returns at most a given number of bytes per read
/// (optionally a scripted size for each read), and can complete its async reads asynchronously.
/// </summary>
internal sealed class ChunkedStream : Stream
{
    private readonly byte[] _data;
    private readonly Func<int, int> _chunkSize; // read index -> most bytes that read may return
    private readonly bool _yieldOnAsyncRead;
    private int _position;
    private int _reads;

    public ChunkedStream(byte[] data, int maxBytesPerRead, bool yieldOnAsyncRead = false)
        : this(data, _ => maxBytesPerRead, yieldOnAsyncRead)
    {
    }

    public ChunkedStream(byte[] data, Func<int, int> chunkSize, bool yieldOnAsyncRead = false)
    {
        _data = data;
        _chunkSize = chunkSize;
        _yieldOnAsyncRead = yieldOnAsyncRead;
    }

    /// <summary>A stream that delivers <paramref name="data"/> in exactly two reads, split at <paramref name="splitAt"/>.</summary>
    public static ChunkedStream SplitAt(byte[] data, int splitAt, bool yieldOnAsyncRead = false) =>
        new(data, read => read == 0 ? splitAt : int.MaxValue, yieldOnAsyncRead);

    public bool IsDisposed { get; private set; }

    public int ReadCount => _reads;

    public int BytesDelivered => _position;

    public override bool CanRead => !IsDisposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        int n = Math.Min(Math.Min(buffer.Length, _data.Length - _position), Math.Max(0, _chunkSize(_reads)));
        if (n == 0 && buffer.Length > 0 && _position < _data.Length)
        {
            n = 1; // a scripted size of 0 must not look like the end of the stream
        }

        _reads++;
        _data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_yieldOnAsyncRead)
        {
            await Task.Yield();
        }

        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
