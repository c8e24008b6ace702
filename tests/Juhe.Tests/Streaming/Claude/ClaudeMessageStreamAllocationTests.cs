using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Support;
using static Juhe.Tests.Support.AllocationMeasurement;

namespace Juhe.Tests.Streaming.Claude;

/// <summary>What a Claude stream allocates does not depend on how many tokens it carries, accumulated or not.</summary>
[Collection(AllocationMeasurements.Name)]
public class ClaudeMessageStreamAllocationTests
{
    [Fact]
    public void Bytes_allocated_for_a_stream_do_not_grow_with_its_number_of_tokens()
    {
        byte[] small = ClaudeStreamSamples.Build(100);
        byte[] large = ClaudeStreamSamples.Build(10_000);
        AllocatedToRead(large, accumulate: false);

        long forSmall = LeastOf(() => AllocatedToRead(small, accumulate: false), expected: 0);
        long forLarge = LeastOf(() => AllocatedToRead(large, accumulate: false), expected: forSmall);

        Assert.True(forSmall > 0, "creating a stream allocates the stream itself");
        Assert.Equal(forSmall, forLarge);
    }

    [Fact]
    public async Task Bytes_allocated_for_a_stream_read_asynchronously_do_not_grow_with_its_number_of_tokens()
    {
        byte[] small = ClaudeStreamSamples.Build(100);
        byte[] large = ClaudeStreamSamples.Build(10_000);
        await AllocatedToReadAsync(large);

        long forSmall = await LeastOfAsync(() => AllocatedToReadAsync(small), expected: 0);
        long forLarge = await LeastOfAsync(() => AllocatedToReadAsync(large), expected: forSmall);

        Assert.Equal(forSmall, forLarge);
    }

    [Fact]
    public void Accumulating_the_message_allocates_nothing_per_event()
    {
        byte[] small = ClaudeStreamSamples.Build(100);
        byte[] large = ClaudeStreamSamples.Build(10_000);
        AllocatedToRead(large, accumulate: true);

        long forSmall = LeastOf(() => AllocatedToRead(small, accumulate: true), expected: 0);
        long forLarge = LeastOf(() => AllocatedToRead(large, accumulate: true), expected: forSmall);

        Assert.Equal(forSmall, forLarge);
    }

    private static long AllocatedToRead(byte[] bytes, bool accumulate)
    {
        var input = new MemoryStream(bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        using (var claude = new ClaudeMessageStream(input))
        using (var message = new ClaudeMessageAccumulator())
        {
            while (claude.TryRead(out ClaudeStreamEvent e))
            {
                if (accumulate)
                {
                    message.Add(e);
                }
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static async Task<long> AllocatedToReadAsync(byte[] bytes)
    {
        var input = new MemoryStream(bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        await using (var claude = new ClaudeMessageStream(input))
        {
            while (await claude.MoveNextAsync())
            {
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
