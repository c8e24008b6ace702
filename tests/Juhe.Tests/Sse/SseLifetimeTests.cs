using System.IO.Pipes;
using Juhe.Sse;
using Juhe.Tests.Support;

namespace Juhe.Tests.Sse;

/// <summary>Disposal, ownership of the stream, and cancellation of a read that waits for bytes.</summary>
public class SseLifetimeTests
{
    [Fact]
    public void A_null_stream_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new SseReader(null!));
    }

    [Fact]
    public async Task Reading_after_Dispose_throws_ObjectDisposedException()
    {
        var reader = new SseReader(new MemoryStream(SseRun.Utf8("data: a\n\ndata: b\n\n")));
        Assert.True(reader.TryRead(out _));

        reader.Dispose();

        Assert.Throws<ObjectDisposedException>(() => reader.TryRead(out _));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await reader.MoveNextAsync());
        Assert.Throws<ObjectDisposedException>(() => { _ = reader.Current; });
    }

    [Fact]
    public async Task Reading_after_DisposeAsync_throws_ObjectDisposedException()
    {
        var reader = new SseReader(new MemoryStream(SseRun.Utf8("data: a\n\n")));

        await reader.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => reader.TryRead(out _));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await reader.MoveNextAsync());
    }

    [Fact]
    public async Task Disposing_twice_is_harmless()
    {
        var stream = new ChunkedStream(SseRun.Utf8("data: a\n\n"), 100);
        var reader = new SseReader(stream);

        reader.Dispose();
        reader.Dispose();
        await reader.DisposeAsync();

        Assert.True(stream.IsDisposed);
    }

    [Fact]
    public void By_default_Dispose_disposes_the_stream()
    {
        var stream = new ChunkedStream(SseRun.Utf8("data: a\n\n"), 100);

        new SseReader(stream).Dispose();

        Assert.True(stream.IsDisposed);
    }

    [Fact]
    public void With_LeaveOpen_Dispose_leaves_the_stream_open()
    {
        var stream = new ChunkedStream(SseRun.Utf8("data: a\n\n"), 100);

        new SseReader(stream, new SseReaderOptions { LeaveOpen = true }).Dispose();

        Assert.False(stream.IsDisposed);
    }

    [Fact]
    public async Task By_default_DisposeAsync_disposes_the_stream()
    {
        var stream = new ChunkedStream(SseRun.Utf8("data: a\n\n"), 100);

        await new SseReader(stream).DisposeAsync();

        Assert.True(stream.IsDisposed);
    }

    [Fact]
    public async Task With_LeaveOpen_DisposeAsync_leaves_the_stream_open()
    {
        var stream = new ChunkedStream(SseRun.Utf8("data: a\n\n"), 100);

        await new SseReader(stream, new SseReaderOptions { LeaveOpen = true }).DisposeAsync();

        Assert.False(stream.IsDisposed);
    }

    [Fact]
    public async Task MoveNextAsync_on_a_silent_pipe_throws_when_the_token_fires_and_reading_continues_once_data_arrives()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        await using var reader = new SseReader(client, new SseReaderOptions { LeaveOpen = true });

        await server.WriteAsync(SseRun.Utf8("data: first\n\ndata: sec"));
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal("first", reader.Current.DataString());

        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.MoveNextAsync(cts.Token));
        }

        await server.WriteAsync(SseRun.Utf8("ond\n\ndata: third\n\n"));
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal("second", reader.Current.DataString());
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal("third", reader.Current.DataString());

        server.Dispose();
        Assert.False(await reader.MoveNextAsync());
    }

    [Fact]
    public async Task A_cancelled_read_loses_no_bytes_and_no_state()
    {
        var gate = new GatedStream();
        await using var reader = new SseReader(gate, new SseReaderOptions { BufferSize = 16 });
        gate.Deliver("retry: 7\r\nid: 5\r\nevent: t\r\ndata: a");

        for (int i = 0; i < 3; i++)
        {
            using var cts = new CancellationTokenSource();
            ValueTask<bool> pending = reader.MoveNextAsync(cts.Token);
            Assert.False(pending.IsCompleted);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
        }

        gate.Deliver("\r");
        gate.Deliver("\ndata: b\r\n\r\n");
        gate.Complete();

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(new SseRecord("t", "a\nb", "5", TimeSpan.FromMilliseconds(7)), SseRecord.From(reader.Current, reader.ReconnectionInterval));
        Assert.False(await reader.MoveNextAsync());
    }

    [Fact]
    public async Task An_already_cancelled_token_with_no_buffered_event_throws()
    {
        var gate = new GatedStream();
        await using var reader = new SseReader(gate);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.MoveNextAsync(new CancellationToken(canceled: true)));
    }

    /// <summary>A stream whose async reads wait until the test delivers bytes or completes it; they honour cancellation.</summary>
    private sealed class GatedStream : Stream
    {
        private readonly List<byte> _pending = [];
        private TaskCompletionSource _available = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _completed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Deliver(string text)
        {
            _pending.AddRange(SseRun.Utf8(text));
            _available.TrySetResult();
        }

        public void Complete()
        {
            _completed = true;
            _available.TrySetResult();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_pending.Count == 0 && !_completed)
            {
                await _available.Task.WaitAsync(cancellationToken);
                _available = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            int n = Math.Min(_pending.Count, buffer.Length);
            for (int i = 0; i < n; i++)
            {
                buffer.Span[i] = _pending[i];
            }

            _pending.RemoveRange(0, n);
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
