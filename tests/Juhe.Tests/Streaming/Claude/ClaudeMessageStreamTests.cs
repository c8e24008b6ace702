using System.Text;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Support;

namespace Juhe.Tests.Streaming.Claude;

public class ClaudeMessageStreamTests
{
    /// <summary>Every event type of catalogue §18.2, with the padding, pings and unknown types real streams have.</summary>
    private static byte[] EveryEventType()
    {
        var sse = new StringBuilder();
        ClaudeStreamSamples.Event(sse, "message_start", """{"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":100,"cache_read_input_tokens":7,"output_tokens":1}}   }""");
        ClaudeStreamSamples.Event(sse, "ping", """{"type": "ping"}""");
        ClaudeStreamSamples.Event(sse, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"User greets me."}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" \u00c9t\u00e9."}      }""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBsig=="}}""");
        ClaudeStreamSamples.Event(sse, "content_block_stop", """{"type":"content_block_stop","index":0}""");
        ClaudeStreamSamples.Event(sse, "content_block_start", """{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}  }""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"你好"}   }""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":", \"world\"\n"} }""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"citations_delta","citation":{"type":"web_search_result_location","url":"https://e.x"}}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"!"}}""");
        ClaudeStreamSamples.Event(sse, "content_block_stop", """{"type":"content_block_stop","index":1}""");
        ClaudeStreamSamples.Event(sse, "content_block_start", """{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":""}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Par"}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"is\"}"}}""");
        ClaudeStreamSamples.Event(sse, "content_block_stop", """{"type":"content_block_stop","index":2}""");
        ClaudeStreamSamples.Event(sse, "content_block_start", """{"type":"content_block_start","index":3,"content_block":{"type":"compaction","content":null}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":3,"delta":{"type":"compaction_delta","content":"summary"}}""");
        ClaudeStreamSamples.Event(sse, "content_block_stop", """{"type":"content_block_stop","index":3}""");
        ClaudeStreamSamples.Event(sse, "future_event", """{"type":"future_event","x":1}""");
        ClaudeStreamSamples.Event(sse, "message_delta", """{"type":"message_delta","delta":{"stop_reason":"stop_sequence","stop_sequence":"END"},"usage":{"input_tokens":181,"output_tokens":48}}""");
        ClaudeStreamSamples.Event(sse, "message_stop", """{"type":"message_stop"}""");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    [Fact]
    public void Every_event_type_is_read_as_its_typed_view()
    {
        List<ClaudeEventRecord> events = ClaudeEventRecord.ReadAll(new MemoryStream(EveryEventType()));

        Assert.Equal(24, events.Count);
        ClaudeEventRecord start = events[0];
        Assert.Equal((ClaudeStreamEventKind.MessageStart, "msg_01", "claude-sonnet-4-5"), (start.Kind, start.MessageId, start.Model));
        Assert.Equal(new ClaudeStreamUsage(100, 1, 0, 7), start.Usage);
        Assert.Equal(ClaudeStreamEventKind.Ping, events[1].Kind);
        Assert.Equal((ClaudeStreamEventKind.ContentBlockStart, 0, ClaudeStreamBlockKind.Thinking), (events[2].Kind, events[2].Index, events[2].BlockKind));
        Assert.Equal((ClaudeStreamDeltaKind.Thinking, "User greets me."), (events[3].DeltaKind, events[3].Thinking));
        Assert.Equal(" Été.", events[4].Thinking);
        Assert.Equal("", events[4].Text);
        Assert.Equal((ClaudeStreamDeltaKind.Signature, "EqQBsig=="), (events[5].DeltaKind, events[5].Signature));
        Assert.Equal((ClaudeStreamEventKind.ContentBlockStop, 0), (events[6].Kind, events[6].Index));
        Assert.Equal(ClaudeStreamBlockKind.Text, events[7].BlockKind);
        Assert.Equal(("你好", ", \"world\"\n"), (events[8].Text, events[9].Text));
        Assert.Equal(ClaudeStreamDeltaKind.Citations, events[10].DeltaKind);
        Assert.Equal("""{"type":"web_search_result_location","url":"https://e.x"}""", events[10].Citation);
        Assert.Equal(("toolu_1", "get_weather", ClaudeStreamBlockKind.ToolUse), (events[13].ToolId, events[13].ToolName, events[13].BlockKind));
        Assert.Equal(("", "{\"city\": \"Par", "is\"}"), (events[14].PartialJson, events[15].PartialJson, events[16].PartialJson));
        Assert.Equal((ClaudeStreamBlockKind.Other, "compaction"), (events[18].BlockKind, events[18].BlockType));
        Assert.Equal(ClaudeStreamDeltaKind.Other, events[19].DeltaKind);
        Assert.Equal((ClaudeStreamEventKind.Unknown, "future_event"), (events[21].Kind, events[21].Type));
        ClaudeEventRecord delta = events[22];
        Assert.Equal((ClaudeStreamEventKind.MessageDelta, "stop_sequence", "END"), (delta.Kind, delta.StopReason, delta.StopSequence));
        Assert.Equal(new ClaudeStreamUsage(181, 48, 0, 7), delta.Usage);
        Assert.Equal(ClaudeStreamEventKind.MessageStop, events[23].Kind);
    }

    [Fact]
    public void Unknown_events_blocks_and_deltas_pass_through_with_their_JSON()
    {
        using var claude = new ClaudeMessageStream(new MemoryStream(EveryEventType()));
        var seen = new List<string>();
        while (claude.TryRead(out ClaudeStreamEvent e))
        {
            if (e.Kind == ClaudeStreamEventKind.Unknown)
            {
                seen.Add(Encoding.UTF8.GetString(e.Json));
            }
            else if (e.BlockKind == ClaudeStreamBlockKind.Other && e.Kind == ClaudeStreamEventKind.ContentBlockStart)
            {
                seen.Add(Encoding.UTF8.GetString(e.ContentBlockJson));
            }
            else if (e.Kind == ClaudeStreamEventKind.ContentBlockDelta && e.DeltaKind == ClaudeStreamDeltaKind.Other)
            {
                seen.Add(Encoding.UTF8.GetString(e.DeltaJson));
            }
        }

        Assert.Equal(["""{"type":"compaction","content":null}""", """{"type":"compaction_delta","content":"summary"}""", """{"type":"future_event","x":1}"""], seen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Any_split_of_the_bytes_reads_the_same_events_sync_and_async(int maxRead)
    {
        byte[] bytes = EveryEventType();
        List<ClaudeEventRecord> whole = ClaudeEventRecord.ReadAll(new MemoryStream(bytes));

        Assert.Equal(whole, ClaudeEventRecord.ReadAll(new ChunkedStream(bytes, maxRead)));
        Assert.Equal(whole, await ClaudeEventRecord.ReadAllAsync(new ChunkedStream(bytes, maxRead, yieldOnAsyncRead: true)));
    }

    [Fact]
    public void The_stream_ends_after_message_stop_and_reports_completion()
    {
        using var claude = new ClaudeMessageStream(new MemoryStream(ClaudeStreamSamples.Build(3)));
        int events = 0;
        while (claude.TryRead(out _))
        {
            events++;
        }

        Assert.True(claude.IsCompleted);
        Assert.Equal(9, events);
        Assert.Equal(new ClaudeStreamUsage(25, 3, 0, 0), claude.Usage);
        Assert.False(claude.TryRead(out _));
    }

    [Fact]
    public void An_error_event_raises_the_gateway_error_after_the_events_before_it()
    {
        var sse = new StringBuilder();
        ClaudeStreamSamples.Event(sse, "message_start", """{"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":3,"output_tokens":1}}}""");
        ClaudeStreamSamples.Event(sse, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"par"}}""");
        ClaudeStreamSamples.Event(sse, "error", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");
        using var claude = new ClaudeMessageStream(new MemoryStream(Encoding.UTF8.GetBytes(sse.ToString())));

        Assert.True(claude.TryRead(out _));
        Assert.True(claude.TryRead(out _));
        Assert.True(claude.TryRead(out ClaudeStreamEvent text));
        Assert.Equal("par", text.TextString());
        var error = Assert.Throws<JuheApiException>(() => claude.TryRead(out _));
        Assert.Equal(JuheErrorKind.Gateway, error.Kind);
        Assert.Equal("overloaded_error", error.ErrorType);
        Assert.Equal("Overloaded", error.ErrorMessage);
    }

    [Fact]
    public void An_error_payload_without_its_event_line_raises_too()
    {
        var bytes = Encoding.UTF8.GetBytes("data: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}\n\n");
        using var claude = new ClaudeMessageStream(new MemoryStream(bytes));

        var error = Assert.Throws<JuheApiException>(() => claude.TryRead(out _));
        Assert.Equal("api_error", error.ErrorType);
    }

    [Fact]
    public async Task A_stream_without_message_stop_is_truncated_after_its_events()
    {
        byte[] whole = ClaudeStreamSamples.Build(4);
        string text = Encoding.UTF8.GetString(whole);
        byte[] cut = Encoding.UTF8.GetBytes(text[..text.IndexOf("event: message_stop", StringComparison.Ordinal)]);
        await using var claude = new ClaudeMessageStream(new MemoryStream(cut));

        var read = new StringBuilder();
        var error = await Assert.ThrowsAsync<JuheApiException>(async () =>
        {
            while (await claude.MoveNextAsync())
            {
                read.Append(claude.Current.TextString());
            }
        });

        Assert.Equal(ChatStreamSamples.ExpectedText(4), read.ToString());
        Assert.Equal(JuheErrorKind.Truncated, error.Kind);
        Assert.Contains("message_stop", error.Message, StringComparison.Ordinal);
        Assert.Contains("9 chunk", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}")]
    public void A_malformed_event_says_what_it_was(string payload)
    {
        using var claude = new ClaudeMessageStream(new MemoryStream(Encoding.UTF8.GetBytes("event: x\ndata: " + payload + "\n\n")));

        var error = Assert.Throws<JuheApiException>(() => claude.TryRead(out _));
        Assert.Equal(JuheErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("not a valid Anthropic Messages event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_before_a_read_says_how_to_use_it()
    {
        using var claude = new ClaudeMessageStream(new MemoryStream(ClaudeStreamSamples.Build(1)));

        var error = Assert.Throws<InvalidOperationException>(() => claude.Current.Kind);
        Assert.Contains("MoveNextAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_accumulator_builds_the_final_message()
    {
        using var claude = new ClaudeMessageStream(new MemoryStream(EveryEventType()));
        using var message = new ClaudeMessageAccumulator();
        while (claude.TryRead(out ClaudeStreamEvent e))
        {
            message.Add(e);
        }

        Assert.Equal("msg_01", Encoding.UTF8.GetString(message.MessageIdUtf8));
        Assert.Equal("claude-sonnet-4-5", Encoding.UTF8.GetString(message.ModelUtf8));
        Assert.Equal("stop_sequence", message.StopReasonString());
        Assert.Equal("END", Encoding.UTF8.GetString(message.StopSequenceUtf8));
        Assert.Equal(new ClaudeStreamUsage(181, 48, 0, 7), message.Usage);
        Assert.Equal(4, message.BlockCount);
        Assert.Equal("User greets me. Été.", message[0].ThinkingString());
        Assert.Equal("EqQBsig==", Encoding.UTF8.GetString(message[0].SignatureUtf8));
        Assert.Equal("你好, \"world\"\n!", message[1].TextString());
        Assert.Equal("你好, \"world\"\n!", message.TextString());
        Assert.Equal(("get_weather", "{\"city\": \"Paris\"}"), (message[2].ToolNameString(), message[2].InputJsonString()));
        Assert.Equal(ClaudeStreamBlockKind.Other, message[3].Kind);
    }

    [Fact]
    public void A_tool_called_without_arguments_has_an_empty_object_as_input()
    {
        var sse = new StringBuilder();
        ClaudeStreamSamples.Event(sse, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_2","name":"now","input":{}}}""");
        ClaudeStreamSamples.Event(sse, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}""");
        ClaudeStreamSamples.Event(sse, "message_stop", """{"type":"message_stop"}""");
        using var claude = new ClaudeMessageStream(new MemoryStream(Encoding.UTF8.GetBytes(sse.ToString())));
        using var message = new ClaudeMessageAccumulator();
        while (claude.TryRead(out ClaudeStreamEvent e))
        {
            message.Add(e);
        }

        Assert.Equal("{}", message[0].InputJsonString());
    }
}
