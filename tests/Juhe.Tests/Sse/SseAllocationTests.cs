using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Juhe.Sse;
using Juhe.Tests.Support;
using static Juhe.Tests.Support.AllocationMeasurement;

namespace Juhe.Tests.Sse;

/// <summary>
/// After warm-up, reading events allocates nothing, whether an event has one data line (exposed in
/// place) or several (joined into a pooled buffer), so allocation does not grow with the stream.
/// </summary>
/// <remarks>Measured as <see cref="AllocationMeasurement"/> explains.</remarks>
[Collection(AllocationMeasurements.Name)]
public class SseAllocationTests
{
    private const int WarmUpEvents = 300;

    /// <summary>A stream of <paramref name="count"/> events shaped like a chat completion stream, with some of every kind.</summary>
    private static byte[] Events(int count, bool singleLine = true, bool multiLine = true)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            int kind = singleLine && multiLine ? i % 3 : singleLine ? 0 : 1;
            switch (kind)
            {
                case 0:
                    text.Append(CultureInfo.InvariantCulture, $"data: {{\"id\":\"chatcmpl-{i}\",\"choices\":[{{\"delta\":{{\"content\":\"token {i} 你好\"}}}}]}}\n\n");
                    break;
                case 1:
                    text.Append(CultureInfo.InvariantCulture, $"event: delta\r\nid: {i}\r\ndata: first line {i}\r\ndata: second line\r\ndata:\r\n\r\n");
                    break;
                default:
                    text.Append(CultureInfo.InvariantCulture, $": keep-alive\rretry: 3000\rdata: [{i}]\r\r");
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ReadSync(SseReader reader, int max)
    {
        long checksum = 0;
        for (int i = 0; i < max && reader.TryRead(out SseEvent e); i++)
        {
            checksum += e.Data.Length + e.EventType.Length + e.LastEventId.Length;
        }

        return checksum;
    }

    /// <summary>
    /// Drains <see cref="SseReader.MoveNextAsync"/> over a stream whose reads complete at once. It
    /// does not await, so that only the reader's allocations are counted, not this test's own
    /// async machinery; a read that did not complete at once fails the test.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ReadAsync(SseReader reader, int max)
    {
        long checksum = 0;
        for (int i = 0; i < max; i++)
        {
            ValueTask<bool> next = reader.MoveNextAsync();
            if (!next.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("MoveNextAsync over a MemoryStream should complete at once");
            }

            if (!next.Result)
            {
                break;
            }

            SseEvent e = reader.Current;
            checksum += e.Data.Length + e.EventType.Length + e.LastEventId.Length;
        }

        return checksum;
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void After_warm_up_TryRead_allocates_nothing(bool singleLine, bool multiLine)
    {
        byte[] stream = Events(5000, singleLine, multiLine);

        long allocated = LeastOf(
            () =>
            {
                using var reader = new SseReader(new MemoryStream(stream));
                ReadSync(reader, WarmUpEvents);

                long before = GC.GetAllocatedBytesForCurrentThread();
                long checksum = ReadSync(reader, int.MaxValue);
                long after = GC.GetAllocatedBytesForCurrentThread();

                Assert.True(checksum > 0);
                return after - before;
            },
            expected: 0);

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void After_warm_up_MoveNextAsync_allocates_nothing(bool singleLine, bool multiLine)
    {
        byte[] stream = Events(5000, singleLine, multiLine);

        long allocated = LeastOf(
            () =>
            {
                using var reader = new SseReader(new MemoryStream(stream));
                ReadAsync(reader, WarmUpEvents);

                long before = GC.GetAllocatedBytesForCurrentThread();
                long checksum = ReadAsync(reader, int.MaxValue);
                long after = GC.GetAllocatedBytesForCurrentThread();

                Assert.True(checksum > 0);
                return after - before;
            },
            expected: 0);

        Assert.Equal(0, allocated);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long AllocatedToReadAll(byte[] stream, SseReaderOptions options)
    {
        var input = new MemoryStream(stream);
        long before = GC.GetAllocatedBytesForCurrentThread();
        using (var reader = new SseReader(input, options))
        {
            ReadSync(reader, int.MaxValue);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(SseReaderOptions.DefaultBufferSize)]
    [InlineData(64)]
    public void Reading_10_events_and_10000_events_allocates_the_same(int bufferSize)
    {
        var options = new SseReaderOptions { BufferSize = bufferSize };
        byte[] ten = Events(10);
        byte[] tenThousand = Events(10_000);
        AllocatedToReadAll(tenThousand, options); // warm-up: JIT, and the pool gets the buffers back

        long forTen = LeastOf(() => AllocatedToReadAll(ten, options), expected: 0);
        long forTenThousand = LeastOf(() => AllocatedToReadAll(tenThousand, options), expected: forTen);

        Assert.True(forTen > 0, "creating a reader allocates the reader itself");
        Assert.Equal(forTen, forTenThousand);
    }

    [Fact]
    public void A_single_data_line_is_exposed_in_place_without_a_copy()
    {
        using var reader = new SseReader(new MemoryStream(SseRun.Utf8("data: in place\n\n")));

        Assert.True(reader.TryRead(out SseEvent e));

        // In place means the data span points into the read buffer, right after the line's "data: ".
        ref byte first = ref MemoryMarshal.GetReference(e.Data);
        ReadOnlySpan<byte> wholeLine = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Subtract(ref first, "data: ".Length), "data: in place".Length);
        Assert.True(wholeLine.SequenceEqual("data: in place"u8));
    }
}
