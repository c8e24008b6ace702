using System.Text;
using Juhe.Sse;
using Juhe.Tests.Support;

namespace Juhe.Tests.Sse;

/// <summary>Any split of the stream into reads yields exactly the events of reading it whole.</summary>
public class SseChunkSplitTests
{
    /// <summary>Streams that exercise every rule at once; each is split at every position.</summary>
    public static TheoryData<string> Corpus => new()
    {
        "\uFEFFdata: first\r\n\r\n",
        "\uFEFF\uFEFFdata: not a data field\n\ndata: second BOM was a field name\n\n",
        "data: a\rdata: b\r\ndata: c\n\r\n\r\r\n\n",
        ": PING\r\nevent: delta\rid: 1\ndata\ndata:x\ndata:  two spaces\r\n\r\n",
        "event: a\nevent: b\ndata: 1\n\ndata: 2\nid\n\nid: 9\0\ndata: 3\n\n",
        "retry: 1000\nretry: x\ndata: r\n\nretry: 250\r\n\r\ndata: s\r\r",
        "data: 你好，世界\ndata: 🎉🎉\nevent: 消息\nid: 标识\n\n: 注释\r\ndata: ünïcødé\r\n\r\n",
        "data: unterminated at the end\n\ndata: pending",
        "\n\n\r\r\r\n\r\nid: only\n\ndata: after blanks\n\r",
        "foo: bar\nx\n:\ndata: end with CR\r\r",
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_split_into_two_reads_yields_the_same_events(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        List<SseRecord> whole = SseRun.ReadAll(bytes);
        Assert.NotEmpty(whole);

        for (int split = 0; split <= bytes.Length; split++)
        {
            Assert.Equal(whole, SseRun.ReadAll(ChunkedStream.SplitAt(bytes, split)));
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Every_split_into_two_async_reads_yields_the_same_events(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        List<SseRecord> whole = SseRun.ReadAll(bytes);

        for (int split = 0; split <= bytes.Length; split++)
        {
            Assert.Equal(whole, await SseRun.ReadAllAsync(ChunkedStream.SplitAt(bytes, split, yieldOnAsyncRead: split % 2 == 0)));
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_split_into_three_reads_yields_the_same_events(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        List<SseRecord> whole = SseRun.ReadAll(bytes);

        for (int first = 0; first <= bytes.Length; first++)
        {
            for (int second = 0; first + second <= bytes.Length; second++)
            {
                int a = first, b = second;
                var stream = new ChunkedStream(bytes, read => read switch { 0 => a, 1 => b, _ => int.MaxValue });
                Assert.Equal(whole, SseRun.ReadAll(stream));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Small_reads_yield_the_same_events(int bytesPerRead)
    {
        foreach (string text in Corpus)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Assert.Equal(SseRun.ReadAll(bytes), SseRun.ReadAll(new ChunkedStream(bytes, bytesPerRead)));
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(7, true)]
    public async Task Small_async_reads_yield_the_same_events(int bytesPerRead, bool completeAsynchronously)
    {
        foreach (string text in Corpus)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Assert.Equal(SseRun.ReadAll(bytes), await SseRun.ReadAllAsync(new ChunkedStream(bytes, bytesPerRead, completeAsynchronously)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Small_reads_with_a_tiny_buffer_yield_the_same_events(int bytesPerRead)
    {
        var tiny = new SseReaderOptions { BufferSize = 16 };
        foreach (string text in Corpus)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Assert.Equal(SseRun.ReadAll(bytes), SseRun.ReadAll(new ChunkedStream(bytes, bytesPerRead), tiny));
        }
    }

    [Fact]
    public void A_multi_byte_character_split_between_reads_comes_through_byte_exact()
    {
        byte[] data = Encoding.UTF8.GetBytes("前🎉后");
        byte[] stream = [.. SseRun.Utf8("data: "), .. data, .. SseRun.Utf8("\n\n")];

        for (int split = 7; split < 6 + data.Length; split++)
        {
            using var reader = new SseReader(ChunkedStream.SplitAt(stream, split));
            Assert.True(reader.TryRead(out SseEvent e));
            Assert.True(e.Data.SequenceEqual(data), $"split at {split}");
        }
    }

    [Fact]
    public void Long_events_read_one_byte_at_a_time_with_a_tiny_buffer_are_exact()
    {
        // Lines far longer than the buffer force it to grow and to slide, between events and inside them.
        var text = new StringBuilder();
        var expected = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            string line = string.Concat(Enumerable.Repeat($"{i}:事件", 10 + (i * 13)));
            string second = new('x', i * 7);
            text.Append($": keep-alive {i}\ndata: {line}\ndata: {second}\r\n\r\n");
            expected.Add($"{line}\n{second}");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        List<SseRecord> events = SseRun.ReadAll(new ChunkedStream(bytes, 1), new SseReaderOptions { BufferSize = 16 });

        Assert.Equal(expected, events.Select(e => e.Data));
    }
}
