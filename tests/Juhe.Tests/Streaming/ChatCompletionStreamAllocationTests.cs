using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming;

/// <summary>Allocation facts: what a stream allocates does not depend on how many tokens it carries.</summary>
public class ChatCompletionStreamAllocationTests
{
    [Fact]
    public void Bytes_allocated_for_a_stream_do_not_grow_with_its_number_of_tokens_when_read_synchronously()
    {
        byte[] small = ChatStreamSamples.Build(100);
        byte[] large = ChatStreamSamples.Build(10_000);
        ReadSync(small); // warm-up: JIT, pools
        ReadSync(large);

        long forSmall = Measure(() => ReadSync(small));
        long forLarge = Measure(() => ReadSync(large));

        Assert.Equal(forSmall, forLarge);
    }

    [Fact]
    public async Task Bytes_allocated_for_a_stream_do_not_grow_with_its_number_of_tokens_when_read_asynchronously()
    {
        byte[] small = ChatStreamSamples.Build(100);
        byte[] large = ChatStreamSamples.Build(10_000);
        await ReadAsync(small);
        await ReadAsync(large);

        long forSmall = await MeasureAsync(() => ReadAsync(small));
        long forLarge = await MeasureAsync(() => ReadAsync(large));

        Assert.Equal(forSmall, forLarge);
    }

    [Fact]
    public void Reading_tokens_after_the_first_allocates_nothing()
    {
        byte[] bytes = ChatStreamSamples.Build(5_000);
        using var chat = new ChatCompletionStream(new MemoryStream(bytes));
        for (int i = 0; i < 50; i++)
        {
            Assert.True(chat.TryRead(out _));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int content = 0;
        while (chat.TryRead(out ChatCompletionChunk chunk))
        {
            content += chunk.ContentUtf8.Length;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(content > 0);
    }

    private static long Measure(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static async Task<long> MeasureAsync(Func<Task> action)
    {
        // Everything here completes synchronously over a MemoryStream, so it stays on this thread.
        long before = GC.GetAllocatedBytesForCurrentThread();
        await action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static int ReadSync(byte[] bytes)
    {
        int total = 0;
        using var chat = new ChatCompletionStream(new MemoryStream(bytes, writable: false));
        while (chat.TryRead(out ChatCompletionChunk chunk))
        {
            total += chunk.ContentUtf8.Length;
        }

        return total;
    }

    private static async Task<int> ReadAsync(byte[] bytes)
    {
        int total = 0;
        await using var chat = new ChatCompletionStream(new MemoryStream(bytes, writable: false));
        while (await chat.MoveNextAsync())
        {
            total += chat.Current.ContentUtf8.Length;
        }

        return total;
    }
}
