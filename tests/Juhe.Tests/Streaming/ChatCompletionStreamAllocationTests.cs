using System.Runtime.CompilerServices;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Support;
using static Juhe.Tests.Support.AllocationMeasurement;

namespace Juhe.Tests.Streaming;

/// <summary>
/// Allocation facts: what a chat stream allocates does not depend on how many tokens it carries,
/// and after the first chunks reading a token allocates nothing.
/// </summary>
/// <remarks>Measured as <see cref="AllocationMeasurement"/> explains.</remarks>
[Collection(AllocationMeasurements.Name)]
public class ChatCompletionStreamAllocationTests
{
    [Fact]
    public void Bytes_allocated_for_a_stream_do_not_grow_with_its_number_of_tokens_when_read_synchronously()
    {
        byte[] small = ChatStreamSamples.Build(100);
        byte[] large = ChatStreamSamples.Build(10_000);
        AllocatedToReadSync(large); // warm-up: JIT, pools

        long forSmall = LeastOf(() => AllocatedToReadSync(small), expected: 0);
        long forLarge = LeastOf(() => AllocatedToReadSync(large), expected: forSmall);

        Assert.True(forSmall > 0, "creating a stream allocates the stream itself");
        Assert.Equal(forSmall, forLarge);
    }

    [Fact]
    public async Task Bytes_allocated_for_a_stream_do_not_grow_with_its_number_of_tokens_when_read_asynchronously()
    {
        byte[] small = ChatStreamSamples.Build(100);
        byte[] large = ChatStreamSamples.Build(10_000);
        await AllocatedToReadAsync(large);

        long forSmall = await LeastOfAsync(() => AllocatedToReadAsync(small), expected: 0);
        long forLarge = await LeastOfAsync(() => AllocatedToReadAsync(large), expected: forSmall);

        Assert.Equal(forSmall, forLarge);
    }

    [Fact]
    public void Reading_tokens_after_the_first_chunks_allocates_nothing()
    {
        byte[] bytes = ChatStreamSamples.Build(5_000);
        AllocatedToReadSync(bytes);

        long allocated = LeastOf(
            () =>
            {
                using var chat = new ChatCompletionStream(new MemoryStream(bytes));
                for (int i = 0; i < 50; i++)
                {
                    Assert.True(chat.TryRead(out _));
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                int content = 0;
                while (chat.TryRead(out ChatCompletionChunk chunk))
                {
                    content += chunk.ContentUtf8.Length + chunk.ReasoningUtf8.Length + chunk.ToolCalls.Count;
                }

                long after = GC.GetAllocatedBytesForCurrentThread();
                Assert.True(content > 0);
                return after - before;
            },
            expected: 0);

        Assert.Equal(0, allocated);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long AllocatedToReadSync(byte[] bytes)
    {
        var input = new MemoryStream(bytes, writable: false);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        using (var chat = new ChatCompletionStream(input))
        {
            while (chat.TryRead(out ChatCompletionChunk chunk))
            {
                total += chunk.ContentUtf8.Length;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(total > 0);
        return allocated;
    }

    private static async Task<long> AllocatedToReadAsync(byte[] bytes)
    {
        // Over a MemoryStream every await completes synchronously, so this stays on one thread.
        var input = new MemoryStream(bytes, writable: false);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        await using (var chat = new ChatCompletionStream(input))
        {
            while (await chat.MoveNextAsync())
            {
                total += chat.Current.ContentUtf8.Length;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(total > 0);
        return allocated;
    }
}
