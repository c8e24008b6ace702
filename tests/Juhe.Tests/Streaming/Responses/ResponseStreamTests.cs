using System.Text;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Support;

namespace Juhe.Tests.Streaming.Responses;

public class ResponseStreamTests
{
    private static readonly string[] EveryEventType =
    [
        """{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","model":"gpt-5","output":[],"usage":null}}""",
        """{"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_1","status":"in_progress","output":[]}}""",
        """{"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[]}}""",
        """{"type":"response.reasoning_summary_text.delta","sequence_number":3,"item_id":"rs_1","output_index":0,"summary_index":0,"delta":"Think","obfuscation":"ab"}""",
        """{"type":"response.reasoning_text.delta","sequence_number":4,"item_id":"rs_1","output_index":0,"content_index":0,"delta":"raw cot"}""",
        """{"type":"response.reasoning_summary_part.done","sequence_number":5,"item_id":"rs_1","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":"Think"}}""",
        """{"type":"response.output_item.added","sequence_number":6,"output_index":1,"item":{"id":"msg_1","type":"message","role":"assistant","status":"in_progress","content":[]}}""",
        """{"type":"response.content_part.added","sequence_number":7,"item_id":"msg_1","output_index":1,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}}""",
        """{"type":"response.output_text.delta","sequence_number":8,"item_id":"msg_1","output_index":1,"content_index":0,"delta":"Hello","logprobs":[],"obfuscation":"x1"}""",
        """{"type":"response.output_text.delta","sequence_number":9,"item_id":"msg_1","output_index":1,"content_index":0,"delta":" \u201cw\u201d\u202f你","logprobs":[],"obfuscation":"x22"}""",
        """{"type":"response.output_text.annotation.added","sequence_number":10,"item_id":"msg_1","output_index":1,"content_index":0,"annotation_index":0,"annotation":{"type":"url_citation","url":"https://e.x","start_index":0,"end_index":5}}""",
        """{"type":"response.output_text.done","sequence_number":11,"item_id":"msg_1","output_index":1,"content_index":0,"text":"Hello \u201cw\u201d\u202f你"}""",
        """{"type":"response.refusal.delta","sequence_number":12,"item_id":"msg_1","output_index":1,"content_index":1,"delta":"No."}""",
        """{"type":"response.content_part.done","sequence_number":13,"item_id":"msg_1","output_index":1,"content_index":0,"part":{"type":"output_text","text":"Hello"}}""",
        """{"type":"response.output_item.done","sequence_number":14,"output_index":1,"item":{"id":"msg_1","type":"message","status":"completed"}}""",
        """{"type":"response.output_item.added","sequence_number":15,"output_index":2,"item":{"id":"fc_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_9","name":"get_weather"}}""",
        """{"type":"response.function_call_arguments.delta","sequence_number":16,"item_id":"fc_1","output_index":2,"delta":"{\"city\":"}""",
        """{"type":"response.function_call_arguments.delta","sequence_number":17,"item_id":"fc_1","output_index":2,"delta":"\"Paris\"}"}""",
        """{"type":"response.function_call_arguments.done","sequence_number":18,"item_id":"fc_1","output_index":2,"arguments":"{\"city\":\"Paris\"}"}""",
        """{"type":"response.web_search_call.searching","sequence_number":19,"item_id":"ws_1","output_index":3}""",
        """{"type":"response.completed","sequence_number":20,"response":{"id":"resp_1","status":"completed","model":"gpt-5","output":[],"usage":{"input_tokens":12,"input_tokens_details":{"cached_tokens":4},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":9},"total_tokens":52}}}""",
    ];

    [Fact]
    public void Every_event_type_is_read_as_its_typed_view()
    {
        List<ResponseEventRecord> events = ResponseEventRecord.ReadAll(ResponseEventRecord.Sse(EveryEventType));

        Assert.Equal(EveryEventType.Length, events.Count);
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal((ResponseStreamEventKind.Created, "resp_1", "in_progress"), (events[0].Kind, events[0].ResponseId, events[0].Status));
        Assert.Equal(ResponseStreamEventKind.InProgress, events[1].Kind);
        Assert.Equal((ResponseStreamEventKind.OutputItemAdded, "reasoning", "rs_1"), (events[2].Kind, events[2].ItemType, events[2].ItemId));
        Assert.Equal((ResponseStreamEventKind.ReasoningSummaryTextDelta, "Think", 0), (events[3].Kind, events[3].Delta, events[3].SummaryIndex));
        Assert.Equal((ResponseStreamEventKind.ReasoningTextDelta, "raw cot"), (events[4].Kind, events[4].Delta));
        Assert.Equal((ResponseStreamEventKind.Other, "response.reasoning_summary_part.done"), (events[5].Kind, events[5].Type));
        Assert.Equal(ResponseStreamEventKind.ContentPartAdded, events[7].Kind);
        Assert.Equal("""{"type":"output_text","text":"","annotations":[]}""", events[7].Part);
        Assert.Equal((ResponseStreamEventKind.OutputTextDelta, "Hello", "msg_1", 1, 0), (events[8].Kind, events[8].Delta, events[8].ItemId, events[8].OutputIndex, events[8].ContentIndex));
        Assert.Equal(" \u201cw\u201d\u202f你", events[9].Delta);
        Assert.Equal(ResponseStreamEventKind.OutputTextAnnotationAdded, events[10].Kind);
        Assert.Equal("""{"type":"url_citation","url":"https://e.x","start_index":0,"end_index":5}""", events[10].Annotation);
        Assert.Equal((ResponseStreamEventKind.OutputTextDone, "Hello \u201cw\u201d\u202f你"), (events[11].Kind, events[11].Text));
        Assert.Equal((ResponseStreamEventKind.RefusalDelta, "No."), (events[12].Kind, events[12].Delta));
        Assert.Equal(ResponseStreamEventKind.ContentPartDone, events[13].Kind);
        Assert.Equal(ResponseStreamEventKind.OutputItemDone, events[14].Kind);
        Assert.Equal(("function_call", "get_weather", "call_9"), (events[15].ItemType, events[15].FunctionName, events[15].CallId));
        Assert.Equal((ResponseStreamEventKind.FunctionCallArgumentsDelta, "{\"city\":"), (events[16].Kind, events[16].Delta));
        Assert.Equal((ResponseStreamEventKind.FunctionCallArgumentsDone, "{\"city\":\"Paris\"}"), (events[18].Kind, events[18].Arguments));
        Assert.Equal((ResponseStreamEventKind.Other, "response.web_search_call.searching", 19L), (events[19].Kind, events[19].Type, events[19].Sequence));
        Assert.Equal((ResponseStreamEventKind.Completed, "completed"), (events[20].Kind, events[20].Status));
        Assert.Equal(new ResponseStreamUsage(12, 40, 52, 4, 9), events[20].Usage);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(256)]
    public async Task Any_split_of_the_bytes_reads_the_same_events_sync_and_async(int maxRead)
    {
        byte[] bytes = ResponseEventRecord.Sse(EveryEventType).ToArray();
        List<ResponseEventRecord> whole = ResponseEventRecord.ReadAll(new MemoryStream(bytes));

        Assert.Equal(whole, ResponseEventRecord.ReadAll(new ChunkedStream(bytes, maxRead)));
        Assert.Equal(whole, await ResponseEventRecord.ReadAllAsync(new ChunkedStream(bytes, maxRead, yieldOnAsyncRead: true)));
    }

    [Fact]
    public void The_stream_ends_after_response_completed_with_its_usage()
    {
        using var responses = new ResponseStream(new MemoryStream(ResponseStreamSamples.Build(5)));
        var text = new StringBuilder();
        while (responses.TryRead(out ResponseStreamEvent e))
        {
            if (e.Kind == ResponseStreamEventKind.OutputTextDelta)
            {
                text.Append(e.DeltaString());
            }
        }

        Assert.True(responses.IsCompleted);
        Assert.Equal(ChatStreamSamples.ExpectedText(5), text.ToString());
        Assert.Equal(new ResponseStreamUsage(12, 5, 17), responses.Usage);
    }

    [Fact]
    public void Response_incomplete_ends_the_stream_with_its_reason()
    {
        List<ResponseEventRecord> events = ResponseEventRecord.ReadAll(ResponseEventRecord.Sse(
            """{"type":"response.output_text.delta","sequence_number":1,"item_id":"m","output_index":0,"content_index":0,"delta":"Hi"}""",
            """{"type":"response.incomplete","sequence_number":2,"response":{"id":"resp_2","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3}}}"""));

        Assert.Equal((ResponseStreamEventKind.Incomplete, "max_output_tokens"), (events[^1].Kind, events[^1].IncompleteReason));
    }

    [Fact]
    public void An_error_event_raises_the_gateway_error_after_the_events_before_it()
    {
        using var responses = new ResponseStream(ResponseEventRecord.Sse(
            """{"type":"response.created","sequence_number":0,"response":{"id":"resp_3","status":"in_progress"}}""",
            """{"type":"error","sequence_number":1,"code":"server_error","message":"The server had an error","param":null}""",
            """{"type":"response.failed","sequence_number":2,"response":{"id":"resp_3","status":"failed","error":{"code":"server_error","message":"The server had an error"}}}"""));

        Assert.True(responses.TryRead(out _));
        var error = Assert.Throws<JuheApiException>(() => responses.TryRead(out _));
        Assert.Equal(JuheErrorKind.Gateway, error.Kind);
        Assert.Contains("The server had an error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Response_failed_raises_its_error_after_the_events_before_it()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(
            "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"delta\":\"par\"}\n\n" +
            "data: {\"type\":\"response.failed\",\"sequence_number\":2,\"response\":{\"id\":\"r\",\"status\":\"failed\",\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down\"}}}\n\n");
        using var responses = new ResponseStream(new MemoryStream(bytes));

        Assert.True(responses.TryRead(out ResponseStreamEvent first));
        Assert.Equal("par", first.DeltaString());
        var error = Assert.Throws<JuheApiException>(() => responses.TryRead(out _));
        Assert.Equal("rate_limit_exceeded", error.ErrorCode);
        Assert.Equal("Slow down", error.ErrorMessage);
    }

    [Fact]
    public void A_stray_DONE_is_ignored_but_does_not_end_the_stream()
    {
        byte[] withDone = [.. ResponseStreamSamples.Build(2), .. "data: [DONE]\n\n"u8];
        Assert.Equal(ResponseEventRecord.ReadAll(new MemoryStream(ResponseStreamSamples.Build(2))), ResponseEventRecord.ReadAll(new MemoryStream(withDone)));

        using var cut = new ResponseStream(new MemoryStream("data: {\"type\":\"response.created\",\"response\":{}}\n\ndata: [DONE]\n\n"u8.ToArray()));
        Assert.True(cut.TryRead(out _));
        var error = Assert.Throws<JuheApiException>(() => cut.TryRead(out _));
        Assert.Equal(JuheErrorKind.Truncated, error.Kind);
        Assert.Contains("response.completed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_a_sequence_number_reads_minus_one()
    {
        List<ResponseEventRecord> events = ResponseEventRecord.ReadAll(ResponseEventRecord.Sse(
            """{"type":"response.output_text.delta","item_id":"m","delta":"a"}""",
            """{"type":"response.completed","response":{"status":"completed"}}"""));

        Assert.Equal(-1, events[0].Sequence);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("{\"type\":\"response.output_text.delta\",\"delta\":\"a\"")]
    public void A_malformed_event_says_what_it_was(string payload)
    {
        using var responses = new ResponseStream(new MemoryStream(Encoding.UTF8.GetBytes("data: " + payload + "\n\n")));

        var error = Assert.Throws<JuheApiException>(() => responses.TryRead(out _));
        Assert.Equal(JuheErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("not a valid Responses API stream event", error.Message, StringComparison.Ordinal);
    }
}
