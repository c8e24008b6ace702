using System.Net;
using System.Text;
using System.Text.Json;
using Juhe.Http;
using Juhe.ResponsesApi;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;
using Gateway = Juhe.Tests.Http.Responses;

namespace Juhe.Tests.Families;

/// <summary>The generated Responses client (catalogue §6, §18.4): POST /v1/responses as one response object or a stream of events.</summary>
public sealed class ResponsesFamilyTests
{
    // The catalogue's §6 answer.
    private const string CatalogueResponse = """
        {"id":"resp_68a","object":"response","status":"completed","model":"gpt-5",
         "output":[{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Searched news sites."}]},
           {"type":"web_search_call","id":"ws_1","status":"completed"},
           {"type":"message","id":"msg_1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"…","annotations":[{"type":"url_citation","url":"https://news.example","title":"…","start_index":0,"end_index":20}]}]}],
         "usage":{"input_tokens":320,"output_tokens":210,"output_tokens_details":{"reasoning_tokens":128},"total_tokens":530}}
        """;

    private static ResponseCreateRequest Headline() => ResponseCreateRequest.CreateBuilder("gpt-5", "Find today's top AI headline and cite it.")
        .WithReasoning(new ResponseReasoningConfig { Effort = ResponseReasoningEffort.Low, Summary = ResponseReasoningSummaryMode.Auto })
        .AddTool(new ResponseTool { Type = ResponseToolType.WebSearchPreview })
        .Build();

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task Create_posts_with_a_bearer_key_and_reads_every_item_of_the_catalogue_answer()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Gateway.Json(HttpStatusCode.OK, CatalogueResponse));
        using JuheClient client = Create(gateway);

        ResponseObject response = await client.Responses.CreateAsync(Headline());

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal((HttpMethod.Post, "/v1/responses", "Bearer " + ApiKey), (sent.Method, sent.Uri.PathAndQuery, sent.Header("Authorization")));
        JsonAssert.Equivalent("""
            {"model":"gpt-5","input":"Find today's top AI headline and cite it.","reasoning":{"effort":"low","summary":"auto"},"tools":[{"type":"web_search_preview"}]}
            """, sent.BodyText);
        Assert.Equal(("resp_68a", ResponseStatus.Completed), (response.Id, response.Status));
        Assert.Equal("Searched news sites.", response.Output[0].ResponseReasoningItem?.Summary?[0].Text);
        Assert.Equal("completed", response.Output[1].ResponseWebSearchCall?.Status);
        ResponseOutputText text = response.Output[2].ResponseMessage!.Content.ResponseContentPartList![0].ResponseOutputText!;
        ResponseAnnotation citation = Assert.Single(text.Annotations!);
        Assert.Equal(("url_citation", "https://news.example", 0, 20), (citation.Type, citation.Url, citation.StartIndex, citation.EndIndex));
        Assert.Equal((320, 128, 530), (response.Usage?.InputTokens, response.Usage?.OutputTokensDetails?.ReasoningTokens, response.Usage?.TotalTokens));
    }

    [Fact]
    public async Task Items_tools_and_options_are_on_the_wire_as_documented()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Gateway.Json(HttpStatusCode.OK, CatalogueResponse));
        using JuheClient client = Create(gateway);
        ResponseCreateRequest request = ResponseCreateRequest.CreateBuilder("o4-mini", new ResponseItem[]
            {
                new ResponseMessage
                {
                    Type = "message",
                    Role = ResponseRole.User,
                    Content = new ResponseContentPart[]
                    {
                        new ResponseInputText { Type = "input_text", Text = "这张图是什么？" },
                        new ResponseInputImage { Type = "input_image", ImageUrl = "data:image/png;base64,iVBO", Detail = ResponseImageDetail.High },
                        new ResponseInputFile { Type = "input_file", FileUrl = "https://example.com/a.pdf" },
                    },
                },
                new ResponseFunctionCall { Type = "function_call", CallId = "call_1", Name = "lookup", Arguments = """{"q":"x"}""" },
                new ResponseFunctionCallOutput { Type = "function_call_output", CallId = "call_1", Output = """{"ok":true}""" },
            })
            .WithInstructions("Be brief.")
            .WithText(new ResponseTextConfig { Format = new ResponseTextFormat { Type = ResponseTextFormatType.JsonSchema, Name = "answer", Schema = Json("""{"type":"object"}"""), Strict = true } })
            .AddTool(new ResponseTool { Type = ResponseToolType.Function, Name = "lookup", Parameters = Json("""{"type":"object"}"""), Strict = true })
            .AddTool(new ResponseTool { Type = ResponseToolType.CodeInterpreter, Container = Json("""{"type":"auto"}""") })
            .AddTool(new ResponseTool { Type = ResponseToolType.FileSearch, VectorStoreIds = ["vs_1"] })
            .AddTool(new ResponseTool { Type = ResponseToolType.ImageGeneration })
            .AddTool(new ResponseTool { Type = ResponseToolType.Mcp, ServerLabel = "docs", ServerUrl = "https://mcp.example", RequireApproval = Json("\"never\"") })
            .WithToolChoice("required")
            .WithPreviousResponseId("resp_0").WithStore(false).WithBackground(false).WithInclude(["reasoning.encrypted_content"])
            .Build();

        await client.Responses.CreateAsync(request);

        JsonAssert.Equivalent("""
            {"model":"o4-mini",
             "input":[
               {"type":"message","role":"user","content":[
                 {"type":"input_text","text":"这张图是什么？"},
                 {"type":"input_image","image_url":"data:image/png;base64,iVBO","detail":"high"},
                 {"type":"input_file","file_url":"https://example.com/a.pdf"}]},
               {"type":"function_call","call_id":"call_1","name":"lookup","arguments":"{\"q\":\"x\"}"},
               {"type":"function_call_output","call_id":"call_1","output":"{\"ok\":true}"}],
             "instructions":"Be brief.",
             "text":{"format":{"type":"json_schema","name":"answer","schema":{"type":"object"},"strict":true}},
             "tools":[{"type":"function","name":"lookup","parameters":{"type":"object"},"strict":true},
                      {"type":"code_interpreter","container":{"type":"auto"}},
                      {"type":"file_search","vector_store_ids":["vs_1"]},
                      {"type":"image_generation"},
                      {"type":"mcp","server_label":"docs","server_url":"https://mcp.example","require_approval":"never"}],
             "tool_choice":"required","previous_response_id":"resp_0","store":false,"background":false,"include":["reasoning.encrypted_content"]}
            """, gateway.Requests[0].BodyText);
    }

    [Fact]
    public async Task An_output_item_of_an_undocumented_type_is_kept_whole()
    {
        const string answer = """{"id":"resp_1","object":"response","status":"completed","output":[{"type":"mcp_list_tools","id":"mcpl_1","server_label":"docs","tools":[]}]}""";
        using JuheClient client = Create(FakeHandler.Answering(() => Gateway.Json(HttpStatusCode.OK, answer)));

        ResponseObject response = await client.Responses.CreateAsync(Headline());

        Assert.Equal("docs", Assert.Single(response.Output).Unknown?.GetProperty("server_label").GetString());
    }

    [Fact]
    public async Task The_OpenAI_error_envelope_raises_without_the_key()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Gateway.OpenAiError(HttpStatusCode.BadRequest, "invalid_request_error")), maxRetries: 0);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Responses.CreateAsync(Headline()));

        Assert.Equal((JuheErrorKind.Gateway, "invalid_request_error", HttpStatusCode.BadRequest), (e.Kind, e.ErrorCode, e.StatusCode));
        Assert.DoesNotContain(ApiKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_sends_stream_true_and_hands_back_the_events_as_a_ResponseStream()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Gateway.Stream(HttpStatusCode.OK, new MemoryStream(ResponseStreamSamples.Build(7))));
        using JuheClient client = Create(gateway);
        ResponseCreateRequest request = Headline();

        await using ResponseStream stream = await client.Responses.StreamAsync(request);
        var text = new StringBuilder();
        while (await stream.MoveNextAsync())
        {
            if (stream.Current.Kind == ResponseStreamEventKind.OutputTextDelta)
            {
                text.Append(stream.Current.DeltaString());
            }
        }

        Assert.True(JsonDocument.Parse(gateway.Requests[0].BodyText).RootElement.GetProperty("stream").GetBoolean());
        Assert.Null(request.Stream);
        Assert.True(stream.IsCompleted);
        Assert.Equal(ChatStreamSamples.ExpectedText(7), text.ToString());
    }
}
