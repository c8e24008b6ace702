using System.Text;
using Juhe.Sse;

namespace Juhe.Tests.Sse;

/// <summary>How each line is split into field and value, and what each field does (WHATWG HTML 9.2.6).</summary>
public class SseFieldTests
{
    [Fact]
    public void A_comment_line_is_ignored()
    {
        SseRecord e = SseRun.Single(": PING\ndata: a\n:\n: data: b\ndata: c\n\n");

        Assert.Equal("a\nc", e.Data);
    }

    [Fact]
    public void A_stream_of_only_comments_yields_nothing()
    {
        Assert.Empty(SseRun.ReadAll(": PING\n\n: PING\n\n:\n\n"));
    }

    [Fact]
    public void A_data_field_with_no_colon_appends_an_empty_line()
    {
        SseRecord e = SseRun.Single("data\n\n");

        Assert.Equal("", e.Data);
    }

    [Fact]
    public void Data_lines_without_a_colon_add_empty_lines_between_other_data()
    {
        SseRecord e = SseRun.Single("data: a\ndata\ndata\ndata: b\n\n");

        Assert.Equal("a\n\n\nb", e.Data);
    }

    [Fact]
    public void A_data_field_with_an_empty_value_dispatches_an_event_with_empty_data()
    {
        SseRecord e = SseRun.Single("data:\n\n");

        Assert.Equal("", e.Data);
    }

    [Fact]
    public void Two_empty_data_lines_give_a_single_LF()
    {
        SseRecord e = SseRun.Single("data:\ndata:\n\n");

        Assert.Equal("\n", e.Data);
    }

    [Fact]
    public void Exactly_one_leading_space_of_the_value_is_removed()
    {
        Assert.Equal(" x", SseRun.Single("data:  x\n\n").Data);
        Assert.Equal("x ", SseRun.Single("data: x \n\n").Data);
        Assert.Equal("\tx", SseRun.Single("data:\tx\n\n").Data);
    }

    [Fact]
    public void A_value_right_after_the_colon_is_taken_whole()
    {
        Assert.Equal("x", SseRun.Single("data:x\n\n").Data);
    }

    [Fact]
    public void Only_the_first_colon_separates_field_and_value()
    {
        Assert.Equal("a: b:c", SseRun.Single("data: a: b:c\n\n").Data);
    }

    [Fact]
    public void Field_names_are_case_sensitive_and_unknown_fields_are_ignored()
    {
        SseRecord e = SseRun.Single("Data: no\nDATA: no\ndata : no\nfoo: bar\n data: no\ndata: yes\n\n");

        Assert.Equal("yes", e.Data);
    }

    [Fact]
    public void Multi_line_data_is_joined_with_LF_and_has_no_trailing_LF()
    {
        SseRecord e = SseRun.Single("data: a\ndata: b\ndata: c\n\n");

        Assert.Equal("a\nb\nc", e.Data);
    }

    [Fact]
    public void The_event_type_defaults_to_message()
    {
        Assert.Equal("message", SseRun.Single("data: x\n\n").Type);
    }

    [Fact]
    public void The_event_field_sets_the_type_and_the_last_one_wins()
    {
        Assert.Equal("b", SseRun.Single("event: a\ndata: x\nevent: b\n\n").Type);
    }

    [Fact]
    public void An_empty_event_field_leaves_the_type_at_message()
    {
        Assert.Equal("message", SseRun.Single("event: a\nevent:\ndata: x\n\n").Type);
        Assert.Equal("message", SseRun.Single("event\ndata: x\n\n").Type);
    }

    [Fact]
    public void A_long_event_type_is_kept_whole_and_later_types_are_not_mixed_with_it()
    {
        string longType = string.Concat(Enumerable.Repeat("类型", 200));

        List<SseRecord> events = SseRun.ReadAll($"event: short\ndata: 1\n\nevent: {longType}\ndata: 2\n\nevent: x\ndata: 3\n\n");

        Assert.Equal(["short", longType, "x"], events.Select(e => e.Type));
    }

    [Fact]
    public void The_event_type_is_reset_after_dispatch()
    {
        List<SseRecord> events = SseRun.ReadAll("event: a\ndata: 1\n\ndata: 2\n\n");

        Assert.Equal(["a", "message"], events.Select(e => e.Type));
    }

    [Fact]
    public void IsType_compares_the_type_without_allocating_a_string()
    {
        using var reader = new SseReader(new MemoryStream(SseRun.Utf8("event: delta\ndata: x\n\ndata: y\n\n")));

        Assert.True(reader.TryRead(out SseEvent first));
        Assert.True(first.IsType("delta"u8));
        Assert.False(first.IsType("message"u8));
        Assert.True(reader.TryRead(out SseEvent second));
        Assert.True(second.IsType("message"u8));
    }

    [Fact]
    public void The_id_persists_across_events_until_changed()
    {
        List<SseRecord> events = SseRun.ReadAll("id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n");

        Assert.Equal(["1", "1", "2"], events.Select(e => e.Id));
    }

    [Fact]
    public void LastEventId_is_empty_before_any_id()
    {
        Assert.Equal("", SseRun.Single("data: a\n\n").Id);
    }

    [Fact]
    public void An_id_set_in_an_event_without_data_still_becomes_the_last_event_id()
    {
        Assert.Equal("7", SseRun.Single("id: 7\n\ndata: a\n\n").Id);
    }

    [Fact]
    public void An_id_containing_NULL_is_ignored()
    {
        List<SseRecord> events = SseRun.ReadAll("id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n");

        Assert.Equal(["1", "1"], events.Select(e => e.Id));
    }

    [Fact]
    public void An_id_with_an_empty_value_resets_it_to_empty()
    {
        List<SseRecord> events = SseRun.ReadAll("id: 1\ndata: a\n\nid:\ndata: b\n\nid: 3\ndata: c\n\nid\ndata: d\n\n");

        Assert.Equal(["1", "", "3", ""], events.Select(e => e.Id));
    }

    [Fact]
    public void The_last_id_field_of_an_event_wins()
    {
        Assert.Equal("b", SseRun.Single("id: a\ndata: x\nid: b\n\n").Id);
    }

    [Fact]
    public void A_long_id_replacing_a_short_one_is_kept_whole()
    {
        string longId = new('i', 5000);

        List<SseRecord> events = SseRun.ReadAll($"id: s\ndata: a\n\nid: {longId}\ndata: b\n\nid: t\ndata: c\n\n");

        Assert.Equal(["s", longId, "t"], events.Select(e => e.Id));
    }

    [Fact]
    public void Retry_with_ASCII_digits_sets_the_reconnection_interval()
    {
        SseRecord e = SseRun.Single("retry: 1500\ndata: a\n\n");

        Assert.Equal(TimeSpan.FromMilliseconds(1500), e.Retry);
    }

    [Fact]
    public void Retry_applies_even_without_an_event()
    {
        using var reader = new SseReader(new MemoryStream(SseRun.Utf8("retry: 0\n")));

        Assert.False(reader.TryRead(out _));
        Assert.Equal(TimeSpan.Zero, reader.ReconnectionInterval);
    }

    [Theory]
    [InlineData("retry: -1")]
    [InlineData("retry: +1")]
    [InlineData("retry: 1.5")]
    [InlineData("retry: 15a")]
    [InlineData("retry:  15")]
    [InlineData("retry: 15 ")]
    [InlineData("retry: 1e3")]
    [InlineData("retry: ١٢")]
    [InlineData("retry:")]
    [InlineData("retry")]
    [InlineData("retry: 99999999999999999999999999")]
    public void Retry_with_anything_but_ASCII_digits_is_ignored(string line)
    {
        SseRecord e = SseRun.ReadAll($"retry: 20\n{line}\ndata: a\n\n").Single();

        Assert.Equal(TimeSpan.FromMilliseconds(20), e.Retry);
    }

    [Fact]
    public void Retry_with_leading_zeros_is_a_number()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(42), SseRun.Single("retry: 00000000000000000000000042\ndata: a\n\n").Retry);
    }

    [Fact]
    public void Retry_up_to_the_largest_TimeSpan_in_milliseconds_is_accepted()
    {
        long max = (long)TimeSpan.MaxValue.TotalMilliseconds;

        SseRecord e = SseRun.Single($"retry: {max}\ndata: a\n\n");

        Assert.NotNull(e.Retry);
        Assert.Equal(max, (long)e.Retry.Value.TotalMilliseconds);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        SseRecord e = SseRun.Single("foo: bar\nx\nid2: 3\ndata: a\n\n");

        Assert.Equal(new SseRecord("message", "a", "", null), e);
    }

    [Fact]
    public void Non_ASCII_text_comes_through_byte_exact()
    {
        string data = "你好，世界 — ünïcødé 🎉 \uFEFF \u0000";
        byte[] stream = SseRun.Utf8($"event: 消息\nid: 标识\ndata: {data}\n\n");
        using var reader = new SseReader(new MemoryStream(stream));

        Assert.True(reader.TryRead(out SseEvent e));
        Assert.True(e.Data.SequenceEqual(Encoding.UTF8.GetBytes(data)));
        Assert.True(e.EventType.SequenceEqual(Encoding.UTF8.GetBytes("消息")));
        Assert.True(e.LastEventId.SequenceEqual(Encoding.UTF8.GetBytes("标识")));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_come_through_unchanged()
    {
        byte[] payload = [0xFF, 0xFE, 0x80, 0xC3];
        byte[] stream = [.. SseRun.Utf8("data: "), .. payload, .. SseRun.Utf8("\n\n")];
        using var reader = new SseReader(new MemoryStream(stream));

        Assert.True(reader.TryRead(out SseEvent e));
        Assert.True(e.Data.SequenceEqual(payload));
    }
}
