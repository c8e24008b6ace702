using System.Globalization;
using System.Text;
using Juhe.Sse;
using Juhe.Tests.Support;

namespace Juhe.Tests.Sse;

/// <summary><see cref="SseReaderOptions.MaxEventSize"/> bounds memory with a clear error; anything within it reads.</summary>
public class SseLimitsTests
{
    private static void AssertNamesTheLimit(SseException error, int limit)
    {
        Assert.Contains("SseReaderOptions.MaxEventSize", error.Message, StringComparison.Ordinal);
        Assert.Contains(limit.ToString("N0", CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.True(error.StreamOffset >= 0, "the error says where in the stream");
    }

    private static SseException ReadExpectingLimitError(Stream stream, int limit, int bufferSize = 16)
    {
        using var reader = new SseReader(stream, new SseReaderOptions { MaxEventSize = limit, BufferSize = bufferSize });
        return Assert.Throws<SseException>(() =>
        {
            while (reader.TryRead(out _))
            {
            }
        });
    }

    [Fact]
    public void A_single_data_line_over_the_limit_throws_naming_the_limit_and_the_option()
    {
        byte[] stream = SseRun.Utf8($"data: fine\n\ndata: {new string('a', 1001)}\n\n");

        SseException error = ReadExpectingLimitError(new MemoryStream(stream), 1000);

        AssertNamesTheLimit(error, 1000);
        Assert.Equal("data: fine\n\n".Length, error.StreamOffset); // where the offending line begins
    }

    [Fact]
    public void A_line_over_the_limit_that_never_ends_throws_instead_of_growing()
    {
        var stream = new ChunkedStream(SseRun.Utf8($"data: {new string('a', 100_000)}"), 100);

        SseException error = ReadExpectingLimitError(stream, 1000);

        AssertNamesTheLimit(error, 1000);
        Assert.Equal(0, error.StreamOffset); // where the line began
        Assert.True(stream.BytesDelivered <= 1100, $"read {stream.BytesDelivered} bytes before giving up on a 1,000 byte limit");
    }

    [Fact]
    public void A_comment_line_over_the_limit_throws()
    {
        byte[] stream = SseRun.Utf8($": {new string('c', 5000)}\n\ndata: a\n\n");

        AssertNamesTheLimit(ReadExpectingLimitError(new MemoryStream(stream), 1000), 1000);
    }

    [Fact]
    public void Many_data_lines_adding_up_to_more_than_the_limit_throw()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            text.Append("data: 0123456789\n"); // 10 bytes of data and an LF each
        }

        text.Append('\n');

        SseException error = ReadExpectingLimitError(new MemoryStream(SseRun.Utf8(text.ToString())), 1000, bufferSize: 4096);

        AssertNamesTheLimit(error, 1000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void An_event_over_the_limit_arriving_in_small_reads_throws(int bytesPerRead)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 50; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"data: {new string('d', 30)}\n: ping\n");
        }

        text.Append('\n');

        SseException error = ReadExpectingLimitError(new ChunkedStream(SseRun.Utf8(text.ToString()), bytesPerRead), 1000);

        AssertNamesTheLimit(error, 1000);
    }

    [Fact]
    public async Task An_event_over_the_limit_throws_from_MoveNextAsync_too()
    {
        byte[] stream = SseRun.Utf8($"data: {new string('a', 5000)}\n\n");
        await using var reader = new SseReader(new ChunkedStream(stream, 100), new SseReaderOptions { MaxEventSize = 1000, BufferSize = 16 });

        SseException error = await Assert.ThrowsAsync<SseException>(async () => await reader.MoveNextAsync());

        AssertNamesTheLimit(error, 1000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void An_event_whose_data_is_exactly_the_limit_reads(int bytesPerRead)
    {
        const int Limit = 1000;
        string data = new('a', Limit);

        List<SseRecord> events = SseRun.ReadAll(
            new ChunkedStream(SseRun.Utf8($"event: big\r\nid: 1\r\ndata: {data}\r\n\r\ndata: next\r\n\r\n"), bytesPerRead),
            new SseReaderOptions { MaxEventSize = Limit, BufferSize = 16 });

        Assert.Equal([data, "next"], events.Select(e => e.Data));
    }

    [Fact]
    public void Many_data_lines_adding_up_to_exactly_the_limit_read()
    {
        // 100 lines of 9 bytes joined by 99 LFs: 999 bytes of data, one under the limit.
        var text = new StringBuilder("event: many\n");
        for (int i = 0; i < 100; i++)
        {
            text.Append("data: 123456789\n");
        }

        text.Append("\ndata: next\n\n");

        List<SseRecord> events = SseRun.ReadAll(text.ToString(), new SseReaderOptions { MaxEventSize = 1000, BufferSize = 16 });

        Assert.Equal(999, events[0].Data.Length);
        Assert.Equal("many", events[0].Type);
        Assert.Equal("next", events[1].Data);
    }

    [Fact]
    public void Comments_between_data_lines_do_not_count_towards_the_limit()
    {
        var text = new StringBuilder("data: a\n");
        for (int i = 0; i < 500; i++)
        {
            text.Append(": keep-alive ping\n");
        }

        text.Append("data: b\n\n");

        SseRecord e = Assert.Single(SseRun.ReadAll(text.ToString(), new SseReaderOptions { MaxEventSize = 100, BufferSize = 16 }));

        Assert.Equal("a\nb", e.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public void A_one_line_event_followed_by_many_comments_reads_with_a_small_buffer_and_limit(int bytesPerRead)
    {
        // The one-line data stays in place until the comments after it fill the buffer; then it is
        // moved out of the way rather than the buffer growing with every keep-alive.
        var text = new StringBuilder("event: t\ndata: 0123456789\n");
        for (int i = 0; i < 300; i++)
        {
            text.Append(": keep-alive ping\n");
        }

        text.Append("\ndata: next\n\n");

        List<SseRecord> events = SseRun.ReadAll(
            new ChunkedStream(SseRun.Utf8(text.ToString()), bytesPerRead),
            new SseReaderOptions { MaxEventSize = 32, BufferSize = 16 });

        Assert.Equal([new SseRecord("t", "0123456789", "", null), new SseRecord("message", "next", "", null)], events);
    }

    [Fact]
    public void The_limit_applies_to_each_event_not_to_the_whole_stream()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 1000; i++)
        {
            text.Append("data: 0123456789\n\n");
        }

        Assert.Equal(1000, SseRun.ReadAll(text.ToString(), new SseReaderOptions { MaxEventSize = 20, BufferSize = 16 }).Count);
    }

    [Theory]
    [InlineData((1 << 20) - 2)] // a limit whose buffer the pool would not round up: no slack beyond it
    [InlineData(1 << 20)]
    [InlineData(1_000_000)]
    public void An_event_just_under_a_one_MiB_limit_grows_a_tiny_buffer_and_reads(int limit)
    {
        byte[] raw = new byte[(limit - 1) / 4 * 3];
        new Random(42).NextBytes(raw);
        string base64 = Convert.ToBase64String(raw);
        Assert.True(base64.Length <= limit && base64.Length > limit - 8);
        byte[] stream = SseRun.Utf8($"event: image\r\ndata: {base64}\r\n\r\ndata: after\r\n\r\n");

        foreach (int bytesPerRead in new[] { 4096, int.MaxValue })
        {
            using var reader = new SseReader(new ChunkedStream(stream, bytesPerRead), new SseReaderOptions { MaxEventSize = limit, BufferSize = 16 });
            Assert.True(reader.TryRead(out SseEvent image));
            Assert.True(image.IsType("image"u8));
            Assert.Equal(base64, image.DataString());
            Assert.True(reader.TryRead(out SseEvent after));
            Assert.Equal("after", after.DataString());
            Assert.False(reader.TryRead(out _));
        }
    }

    [Fact]
    public void The_largest_limit_is_accepted()
    {
        SseRecord e = Assert.Single(SseRun.ReadAll("data: a\n\n", new SseReaderOptions { MaxEventSize = int.MaxValue }));

        Assert.Equal("a", e.Data);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(-1, 16)]
    [InlineData(100, 15)]
    [InlineData(100, 0)]
    public void Invalid_options_are_rejected_naming_the_option(int maxEventSize, int bufferSize)
    {
        var options = new SseReaderOptions { MaxEventSize = maxEventSize, BufferSize = bufferSize };

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new SseReader(new MemoryStream(), options));

        Assert.Contains("SseReaderOptions.", error.Message, StringComparison.Ordinal);
    }
}
