using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Support;
using static Juhe.Tests.Support.AllocationMeasurement;

namespace Juhe.Tests.Streaming.Responses;

/// <summary>What a Responses stream allocates does not depend on how many tokens it carries.</summary>
[Collection(AllocationMeasurements.Name)]
public class ResponseStreamAllocationTests
{
    [Fact]
    public void Bytes_allocated_for_a_stream_do_not_grow_with_its_number_of_tokens()
    {
        byte[] small = ResponseStreamSamples.Build(100);
        byte[] large = ResponseStreamSamples.Build(10_000);
        AllocatedToRead(large);

        long forSmall = LeastOf(() => AllocatedToRead(small), expected: 0);
        long forLarge = LeastOf(() => AllocatedToRead(large), expected: forSmall);

        Assert.True(forSmall > 0, "creating a stream allocates the stream itself");
        Assert.Equal(forSmall, forLarge);
    }

    [Fact]
    public async Task Bytes_allocated_for_a_stream_read_asynchronously_do_not_grow_with_its_number_of_tokens()
    {
        byte[] small = ResponseStreamSamples.Build(100);
        byte[] large = ResponseStreamSamples.Build(10_000);
        await AllocatedToReadAsync(large);

        long forSmall = await LeastOfAsync(() => AllocatedToReadAsync(small), expected: 0);
        long forLarge = await LeastOfAsync(() => AllocatedToReadAsync(large), expected: forSmall);

        Assert.Equal(forSmall, forLarge);
    }

    private static long AllocatedToRead(byte[] bytes)
    {
        var input = new MemoryStream(bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        using (var responses = new ResponseStream(input))
        {
            while (responses.TryRead(out _))
            {
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static async Task<long> AllocatedToReadAsync(byte[] bytes)
    {
        var input = new MemoryStream(bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        await using (var responses = new ResponseStream(input))
        {
            while (await responses.MoveNextAsync())
            {
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
