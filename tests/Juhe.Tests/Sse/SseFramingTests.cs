using Juhe.Sse;
using Juhe.Tests.Support;

namespace Juhe.Tests.Sse;

/// <summary>Byte order mark, line ends and when an event is dispatched (WHATWG HTML 9.2.6).</summary>
public class SseFramingTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void One_leading_UTF8_BOM_is_ignored()
    {
        byte[] stream = [.. Bom, .. SseRun.Utf8("data: x\n\n")];

        SseRecord e = Assert.Single(SseRun.ReadAll(stream));

        Assert.Equal("x", e.Data);
    }

    [Fact]
    public void A_second_leading_BOM_is_part_of_the_field_name_so_the_field_is_unknown()
    {
        byte[] stream = [.. Bom, .. Bom, .. SseRun.Utf8("data: x\n\ndata: y\n\n")];

        SseRecord e = Assert.Single(SseRun.ReadAll(stream));

        Assert.Equal("y", e.Data);
    }

    [Fact]
    public void A_BOM_after_the_start_of_the_stream_is_kept_in_the_data()
    {
        byte[] stream = [.. SseRun.Utf8("data: "), .. Bom, .. SseRun.Utf8("x\n\n")];

        SseRecord e = Assert.Single(SseRun.ReadAll(stream));

        Assert.Equal("\uFEFFx", e.Data);
    }

    [Fact]
    public void A_BOM_on_the_first_line_of_a_later_event_is_not_skipped()
    {
        byte[] stream = [.. SseRun.Utf8("data: a\n\n"), .. Bom, .. SseRun.Utf8("data: b\n\n")];

        SseRecord e = Assert.Single(SseRun.ReadAll(stream));

        Assert.Equal("a", e.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_BOM_split_across_reads_is_still_ignored(int firstRead)
    {
        byte[] stream = [.. Bom, .. SseRun.Utf8("data: x\n\n")];

        SseRecord e = Assert.Single(SseRun.ReadAll(ChunkedStream.SplitAt(stream, firstRead)));

        Assert.Equal("x", e.Data);
    }

    [Fact]
    public void A_stream_that_is_only_part_of_a_BOM_yields_nothing()
    {
        Assert.Empty(SseRun.ReadAll([0xEF, 0xBB]));
        Assert.Empty(SseRun.ReadAll([]));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void Each_of_CR_LF_and_CRLF_ends_a_line(string eol)
    {
        string text = $"event: t{eol}data: a{eol}data: b{eol}{eol}data: c{eol}{eol}";

        List<SseRecord> events = SseRun.ReadAll(text);

        Assert.Equal(
            [new SseRecord("t", "a\nb", "", null), new SseRecord("message", "c", "", null)],
            events);
    }

    [Fact]
    public void CR_LF_and_CRLF_may_be_mixed_in_one_stream()
    {
        List<SseRecord> events = SseRun.ReadAll("data: a\rdata: b\r\ndata: c\n\r\ndata: d\r\rdata: e\n\n");

        Assert.Equal(["a\nb\nc", "d", "e"], events.Select(e => e.Data));
    }

    [Fact]
    public void LF_CR_is_two_line_ends_not_one()
    {
        // "\n\r" ends the data line and then a blank line: the event is dispatched.
        SseRecord e = SseRun.Single("data: a\n\r");

        Assert.Equal("a", e.Data);
    }

    [Fact]
    public void A_CRLF_split_between_two_reads_is_one_line_end()
    {
        byte[] stream = SseRun.Utf8("data: a\r\ndata: b\r\n\r\n");
        int firstCr = Array.IndexOf(stream, (byte)'\r');

        SseRecord e = Assert.Single(SseRun.ReadAll(ChunkedStream.SplitAt(stream, firstCr + 1)));

        Assert.Equal("a\nb", e.Data);
    }

    [Fact]
    public void A_CRLF_split_before_the_blank_line_is_not_taken_for_a_blank_line()
    {
        // If the LF after a CR at the end of a read were a line of its own, "data: b" would be a second event.
        byte[] stream = SseRun.Utf8("data: a\r\ndata: b\r\n\r\n");

        for (int i = 1; i < stream.Length; i++)
        {
            SseRecord e = Assert.Single(SseRun.ReadAll(ChunkedStream.SplitAt(stream, i)));
            Assert.Equal("a\nb", e.Data);
        }
    }

    [Fact]
    public void A_CR_at_the_very_end_of_the_stream_ends_a_line()
    {
        SseRecord e = SseRun.Single("data: a\r\r");

        Assert.Equal("a", e.Data);
    }

    [Fact]
    public void A_CR_at_the_very_end_of_the_stream_ends_a_line_when_it_arrives_alone()
    {
        byte[] stream = SseRun.Utf8("data: a\r\r");

        SseRecord e = Assert.Single(SseRun.ReadAll(new ChunkedStream(stream, 1)));

        Assert.Equal("a", e.Data);
    }

    [Fact]
    public void A_blank_line_dispatches_the_event()
    {
        using var reader = new SseReader(new MemoryStream(SseRun.Utf8("data: a\n\ndata: b\n\n")));

        Assert.True(reader.TryRead(out SseEvent first));
        Assert.Equal("a", first.DataString());
        Assert.True(reader.TryRead(out SseEvent second));
        Assert.Equal("b", second.DataString());
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void A_blank_line_with_no_data_dispatches_nothing()
    {
        Assert.Empty(SseRun.ReadAll("\n\n\r\n\r\revent: t\n\nid: 1\n\nretry: 5\n\n: comment\n\n"));
    }

    [Fact]
    public void A_blank_line_with_no_data_resets_the_event_type()
    {
        SseRecord e = SseRun.Single("event: lost\n\ndata: x\n\n");

        Assert.Equal("message", e.Type);
    }

    [Fact]
    public void The_pending_event_at_the_end_of_the_stream_is_discarded()
    {
        List<SseRecord> events = SseRun.ReadAll("data: a\n\ndata: b\n");

        Assert.Equal(["a"], events.Select(e => e.Data));
    }

    [Fact]
    public void An_unterminated_last_line_is_discarded()
    {
        Assert.Empty(SseRun.ReadAll("data: a"));
        Assert.Empty(SseRun.ReadAll("data: a\n"));
        Assert.Equal(["a"], SseRun.ReadAll("data: a\n\ndata: b").Select(e => e.Data));
    }

    [Fact]
    public void An_unterminated_retry_line_at_the_end_is_not_applied()
    {
        using var reader = new SseReader(new MemoryStream(SseRun.Utf8("data: a\n\nretry: 5")));

        Assert.True(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.Null(reader.ReconnectionInterval);
    }

    [Fact]
    public void Reading_past_the_end_keeps_returning_false()
    {
        using var reader = new SseReader(new MemoryStream(SseRun.Utf8("data: a\n\n")));

        Assert.True(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public async Task Reading_past_the_end_asynchronously_keeps_returning_false()
    {
        await using var reader = new SseReader(new MemoryStream(SseRun.Utf8("data: a\n\n")));

        Assert.True(await reader.MoveNextAsync());
        Assert.False(await reader.MoveNextAsync());
        Assert.False(await reader.MoveNextAsync());
    }

    [Fact]
    public void BytesConsumed_counts_the_BOM_and_every_complete_line()
    {
        byte[] stream = [.. Bom, .. SseRun.Utf8("data: a\r\n\r\ndata: b")];
        using var reader = new SseReader(new MemoryStream(stream));

        Assert.True(reader.TryRead(out _));
        Assert.Equal(3 + "data: a\r\n\r\n".Length, reader.BytesConsumed);
    }
}
