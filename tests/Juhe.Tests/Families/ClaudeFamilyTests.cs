using System.Net;
using System.Text;
using Juhe.Claude;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Families;

/// <summary>The generated Claude client (catalogue §4, §18.2): POST /v1/messages in Anthropic's format, as one message or as a stream of events.</summary>
public sealed class ClaudeFamilyTests
{
    // The catalogue's §4 answer.
    private const string CatalogueMessage = """
        {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
         "content":[{"type":"text","text":"Revenue grows steadily from Q1 to Q4."}],
         "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":812,"output_tokens":14}}
        """;

    private static ClaudeMessageRequest ChartQuestion() => ClaudeMessageRequest.CreateBuilder("claude-sonnet-4-20250514", 1024,
        [new ClaudeMessage
        {
            Role = ClaudeRole.User,
            Content = new ClaudeContentBlock[]
            {
                new ClaudeImageBlock { Type = "image", Source = new ClaudeSource { Type = ClaudeSourceType.Url, Url = "https://example.com/chart.png" } },
                new ClaudeTextBlock { Type = "text", Text = "Summarize this chart." },
            },
        }]).Build();

    [Fact]
    public async Task Create_posts_the_message_with_x_api_key_and_anthropic_version_and_reads_the_catalogue_answer()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CatalogueMessage));
        using JuheClient client = Create(gateway);

        ClaudeMessageResponse message = await client.Claude.CreateAsync(ChartQuestion());

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal((HttpMethod.Post, "/v1/messages", ApiKey, "2023-06-01", null), (sent.Method, sent.Uri.PathAndQuery, sent.Header("x-api-key"), sent.Header("anthropic-version"), sent.Header("Authorization")));
        JsonAssert.Equivalent("""
            {"model":"claude-sonnet-4-20250514","max_tokens":1024,"messages":[{"role":"user","content":[
              {"type":"image","source":{"type":"url","url":"https://example.com/chart.png"}},
              {"type":"text","text":"Summarize this chart."}]}]}
            """, sent.BodyText);
        Assert.Equal("Revenue grows steadily from Q1 to Q4.", Assert.Single(message.Content).ClaudeTextBlock?.Text);
        Assert.Equal((ClaudeStopReason.EndTurn, 812, 14), (message.StopReason, message.Usage?.InputTokens, message.Usage?.OutputTokens));
    }

    [Fact]
    public async Task A_version_and_beta_given_to_the_call_are_sent_once_in_place_of_the_clients_version()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CatalogueMessage));
        using JuheClient client = Create(gateway);

        await client.Claude.CreateAsync(ChartQuestion(), anthropicVersion: "2024-10-22", anthropicBeta: "interleaved-thinking-2025-05-14");

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal(("2024-10-22", "interleaved-thinking-2025-05-14"), (sent.Header("anthropic-version"), sent.Header("anthropic-beta")));
    }

    [Fact]
    public async Task Every_documented_request_member_is_on_the_wire()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CatalogueMessage));
        using JuheClient client = Create(gateway);
        ClaudeMessageRequest request = ClaudeMessageRequest.CreateBuilder("claude-opus-4-1", 4096,
            [
                new ClaudeMessage { Role = ClaudeRole.User, Content = "天气如何？" },
                new ClaudeMessage
                {
                    Role = ClaudeRole.Assistant,
                    Content = new ClaudeContentBlock[]
                    {
                        new ClaudeThinkingBlock { Type = "thinking", Thinking = "Need the weather tool.", Signature = "sig==" },
                        new ClaudeRedactedThinkingBlock { Type = "redacted_thinking", Data = "enc==" },
                        new ClaudeToolUseBlock { Type = "tool_use", Id = "toolu_1", Name = "weather", Input = Json("""{"city":"北京"}""") },
                    },
                },
                new ClaudeMessage
                {
                    Role = ClaudeRole.User,
                    Content = new ClaudeContentBlock[]
                    {
                        new ClaudeToolResultBlock { Type = "tool_result", ToolUseId = "toolu_1", Content = "晴", IsError = false },
                        new ClaudeDocumentBlock { Type = "document", Source = new ClaudeSource { Type = ClaudeSourceType.Base64, MediaType = "application/pdf", Data = "JVBERi0=" }, Title = "report" },
                    },
                },
            ])
            .WithSystem(new ClaudeTextBlock[] { new() { Type = "text", Text = "Be brief.", CacheControl = new ClaudeCacheControl { Type = "ephemeral" } } })
            .WithTemperature(0.5).WithTopK(40).AddStopSequence("END")
            .WithMetadata(new ClaudeMetadata { UserId = "u-1" })
            .AddTool(new ClaudeTool { Name = "weather", Description = "Weather by city", InputSchema = Json("""{"type":"object","properties":{"city":{"type":"string"}}}""") })
            .AddTool(new ClaudeTool { Type = "web_search_20250305", Name = "web_search", MaxUses = 5 })
            .WithToolChoice(new ClaudeToolChoice { Type = ClaudeToolChoiceType.Auto, DisableParallelToolUse = true })
            .WithThinking(new ClaudeThinkingConfig { Type = ClaudeThinkingType.Enabled, BudgetTokens = 2048 })
            .Build();

        await client.Claude.CreateAsync(request);

        JsonAssert.Equivalent("""
            {"model":"claude-opus-4-1","max_tokens":4096,
             "messages":[
               {"role":"user","content":"天气如何？"},
               {"role":"assistant","content":[
                 {"type":"thinking","thinking":"Need the weather tool.","signature":"sig=="},
                 {"type":"redacted_thinking","data":"enc=="},
                 {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"北京"}}]},
               {"role":"user","content":[
                 {"type":"tool_result","tool_use_id":"toolu_1","content":"晴","is_error":false},
                 {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0="},"title":"report"}]}],
             "system":[{"type":"text","text":"Be brief.","cache_control":{"type":"ephemeral"}}],
             "temperature":0.5,"top_k":40,"stop_sequences":["END"],"metadata":{"user_id":"u-1"},
             "tools":[{"name":"weather","description":"Weather by city","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}},
                      {"type":"web_search_20250305","name":"web_search","max_uses":5}],
             "tool_choice":{"type":"auto","disable_parallel_tool_use":true},
             "thinking":{"type":"enabled","budget_tokens":2048}}
            """, gateway.Requests[0].BodyText);
    }

    [Fact]
    public async Task An_answer_with_thinking_tool_use_and_a_server_tool_block_reads_each_block_by_type()
    {
        const string answer = """
            {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"thinking","thinking":"Let me check.","signature":"EqQB"},
                        {"type":"redacted_thinking","data":"EmwKAhgB"},
                        {"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{"query":"weather"}},
                        {"type":"tool_use","id":"toolu_2","name":"weather","input":{"city":"Paris","days":2}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":50,"output_tokens":30,"cache_creation_input_tokens":10,"cache_read_input_tokens":20}}
            """;
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, answer)));

        ClaudeMessageResponse message = await client.Claude.CreateAsync(ChartQuestion());

        Assert.Equal(("Let me check.", "EqQB"), (message.Content[0].ClaudeThinkingBlock?.Thinking, message.Content[0].ClaudeThinkingBlock?.Signature));
        Assert.Equal("EmwKAhgB", message.Content[1].ClaudeRedactedThinkingBlock?.Data);
        Assert.Equal("server_tool_use", message.Content[2].Unknown?.GetProperty("type").GetString());
        ClaudeToolUseBlock call = message.Content[3].ClaudeToolUseBlock!;
        Assert.Equal(("toolu_2", "weather", "Paris", 2), (call.Id, call.Name, call.Input.GetProperty("city").GetString(), call.Input.GetProperty("days").GetInt32()));
        Assert.Equal((ClaudeStopReason.ToolUse, 10, 20), (message.StopReason, message.Usage?.CacheCreationInputTokens, message.Usage?.CacheReadInputTokens));
    }

    [Fact]
    public async Task The_Claude_error_envelope_raises_with_its_type_and_message()
    {
        const string error = """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded (request id: 2025112516)"}}""";
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.BadRequest, error)), maxRetries: 0);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Claude.CreateAsync(ChartQuestion()));

        Assert.Equal((JuheErrorKind.Gateway, HttpStatusCode.BadRequest, "overloaded_error", "2025112516"), (e.Kind, e.StatusCode, e.ErrorType, e.RequestId));
        Assert.Contains("Overloaded", e.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_sends_stream_true_and_hands_back_the_events_as_a_ClaudeMessageStream()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, new MemoryStream(ClaudeStreamSamples.Build(12))));
        using JuheClient client = Create(gateway);
        ClaudeMessageRequest request = ChartQuestion();

        await using ClaudeMessageStream stream = await client.Claude.StreamAsync(request);
        var text = new StringBuilder();
        while (await stream.MoveNextAsync())
        {
            if (stream.Current.DeltaKind == ClaudeStreamDeltaKind.Text)
            {
                text.Append(Encoding.UTF8.GetString(stream.Current.TextUtf8));
            }
        }

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal(("/v1/messages", ApiKey, "text/event-stream"), (sent.Uri.PathAndQuery, sent.Header("x-api-key"), sent.Header("Accept")));
        Assert.True(System.Text.Json.JsonDocument.Parse(sent.BodyText).RootElement.GetProperty("stream").GetBoolean());
        Assert.Null(request.Stream);
        Assert.Equal(ChatStreamSamples.ExpectedText(12), text.ToString());
        Assert.Equal(12, stream.Usage?.OutputTokens);
    }

    private static System.Text.Json.JsonElement Json(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
