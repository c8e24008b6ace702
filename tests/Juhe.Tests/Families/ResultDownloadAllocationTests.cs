using System.Net;
using Juhe.Http;
using Juhe.Tests.Http;
using Juhe.Tests.Support;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>A result download streams: its memory cost does not grow with the file.</summary>
[Collection(AllocationMeasurements.Name)]
public class ResultDownloadAllocationTests
{
    private const long FileSize = 64L * 1024 * 1024;

    /// <summary>A body of <see cref="FileSize"/> bytes made as it is read: nothing of it exists before.</summary>
    private sealed class GeneratedBody(long length) : Stream
    {
        private long _left = length;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = (int)Math.Min(buffer.Length, _left);
            buffer[..n].Fill(0x42);
            _left -= n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

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

    private sealed class CountingSink : Stream
    {
        public long Written { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_64_MB_download_allocates_a_tiny_fraction_of_its_size()
    {
        FakeHandler cdn = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, new GeneratedBody(FileSize), "video/mp4"));
        using JuheClient client = ClientFor(cdn);
        await client.DownloadAsync("https://cdn.example/warm-up.mp4", new CountingSink()); // first-call costs (type loading, pools) out of the way

        // Counted process-wide (the download hops threads), so the least of three runs is kept: stray
        // allocations of anything else still running show in one run, the download's own in all.
        long written = 0;
        long allocated = await AllocationMeasurement.LeastOfAsync(async () =>
        {
            var sink = new CountingSink();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            await client.DownloadAsync("https://cdn.example/v.mp4?sig=1", sink);
            long cost = GC.GetTotalAllocatedBytes(precise: true) - before;
            written = sink.Written;
            return cost;
        }, expected: 0);

        Assert.Equal(FileSize, written);
        Assert.True(allocated < 512 * 1024, $"Downloading {FileSize:N0} bytes allocated {allocated:N0} bytes.");
    }
}
