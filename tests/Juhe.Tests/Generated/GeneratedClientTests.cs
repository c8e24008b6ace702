using System.Net;
using System.Text;
using System.Text.Json;
using Juhe.Chat;
using Juhe.Completions;
using Juhe.Embeddings;
using Juhe.Http;
using Juhe.Models;
using Juhe.Sse;
using Juhe.Streaming;
using Juhe.Tests.Http;
using ChatCompletionStream = Juhe.Streaming.ChatCompletionStream;

namespace Juhe.Tests.Generated;

/// <summary>
/// The typed clients generated from the schemas (<c>client.Chat</c>, <c>client.Completions</c>,
/// <c>client.Embeddings</c>, <c>client.Models</c>) put the right request on the wire and read the
/// catalogue's responses and error envelopes.
/// </summary>
public class GeneratedClientTests
{
    private const string Gateway = "https://gateway.example.com";

    private static ChatCompletionRequest VisionRequest() =>
        JsonSerializer.Deserialize(CataloguePayloads.ChatVisionRequest, JuheJsonContext.Default.ChatCompletionRequest)!;

    private static JuheClient ClientFor(FakeHandler handler) => TestClients.Create(handler, maxRetries: 0);

    private static void AssertJsonPost(RecordedRequest sent, string path, string expectedBody)
    {
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(Gateway + path, sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        Assert.Equal("application/json", sent.ContentType);
        JsonAssert.Equivalent(expectedBody, sent.BodyText);
    }

    [Fact]
    public async Task Chat_CreateAsync_posts_the_request_without_a_stream_flag_and_reads_the_catalogue_response()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CataloguePayloads.ChatToolCallResponse));
        using JuheClient client = ClientFor(handler);
        ChatCompletionRequest request = VisionRequest();

        ChatCompletion completion = await client.Chat.CreateAsync(request);

        RecordedRequest sent = Assert.Single(handler.Requests);
        AssertJsonPost(sent, "/v1/chat/completions",
            """{"model":"gpt-4o","stream_options":{"include_usage":true},"messages":[{"role":"user","content":[{"type":"text","text":"What is in this picture?"},{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""");
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.True(request.Stream); // the caller's object is left as it was
        Assert.Equal("get_weather", completion.Choices[0].Message.ToolCalls![0].Function.Name);
        Assert.Equal(12, completion.Usage!.CompletionTokensDetails!.ReasoningTokens);
    }

    [Fact]
    public async Task Request_bodies_carry_non_ASCII_text_as_raw_UTF8_not_escapes()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CataloguePayloads.ChatToolCallResponse));
        using JuheClient client = ClientFor(handler);
        ChatCompletionRequest request = ChatCompletionRequest
            .CreateBuilder("gpt-4o", [new ChatMessage { Role = ChatRole.User, Content = "你好 <b>&café\"" }])
            .Build();

        await client.Chat.CreateAsync(request);

        string body = Assert.Single(handler.Requests).BodyText;
        Assert.Contains("\"content\":\"你好 <b>&café\\\"\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_StreamAsync_posts_stream_true_and_returns_a_stream_that_decodes_the_text()
    {
        string events = string.Concat(
            new[]
            {
                """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""",
                """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"A cat"},"finish_reason":null}]}""",
                """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":" on a \"mat\",\n猫"},"finish_reason":null}]}""",
                """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"gpt-4o","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""",
                """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""",
                "[DONE]",
            }.Select(data => ": PING\n\ndata: " + data + "\n\n"));
        FakeHandler handler = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, new MemoryStream(Encoding.UTF8.GetBytes(events))));
        using JuheClient client = ClientFor(handler);
        ChatCompletionRequest request = VisionRequest();
        request.Stream = false;

        var text = new StringBuilder();
        await using (ChatCompletionStream stream = await client.Chat.StreamAsync(request))
        {
            while (await stream.MoveNextAsync())
            {
                text.Append(stream.Current.ContentString());
            }

            Assert.True(stream.IsCompleted);
            Assert.Equal(17, stream.Usage!.Value.TotalTokens);
        }

        Assert.Equal("A cat on a \"mat\",\n猫", text.ToString());
        RecordedRequest sent = Assert.Single(handler.Requests);
        AssertJsonPost(sent, "/v1/chat/completions",
            """{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":[{"type":"text","text":"What is in this picture?"},{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""");
        Assert.Equal("text/event-stream", sent.Header("Accept"));
    }

    [Fact]
    public async Task Completions_CreateAsync_posts_the_catalogue_request_and_reads_the_catalogue_response()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CataloguePayloads.CompletionResponse));
        using JuheClient client = ClientFor(handler);
        CompletionRequest request = JsonSerializer.Deserialize(CataloguePayloads.CompletionRequest, JuheJsonContext.Default.CompletionRequest)!;
        request.Stream = true;

        Completion completion = await client.Completions.CreateAsync(request);

        AssertJsonPost(Assert.Single(handler.Requests), "/v1/completions", CataloguePayloads.CompletionRequest);
        Assert.Equal("\n\nThis is a test.", Assert.Single(completion.Choices).Text);
        Assert.Equal(ChatFinishReason.Stop, completion.Choices[0].FinishReason);
    }

    [Fact]
    public async Task Completions_StreamAsync_posts_stream_true_and_returns_a_stream_that_decodes_the_text()
    {
        const string chunk = """{"id":"cmpl-1","object":"text_completion","choices":[{"text":"tok","index":0,"finish_reason":null}]}""";
        FakeHandler handler = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, new MemoryStream(Encoding.UTF8.GetBytes($"data: {chunk}\n\ndata: [DONE]\n\n"))));
        using JuheClient client = ClientFor(handler);
        CompletionRequest request = JsonSerializer.Deserialize(CataloguePayloads.CompletionRequest, JuheJsonContext.Default.CompletionRequest)!;

        var text = new List<string>();
        await using (CompletionStream completion = await client.Completions.StreamAsync(request))
        {
            while (await completion.MoveNextAsync())
            {
                text.Add(completion.Current.TextString());
            }
        }

        Assert.Equal(["tok"], text);
        AssertJsonPost(Assert.Single(handler.Requests), "/v1/completions",
            """{"model":"gpt-3.5-turbo-instruct","prompt":"Say this is a test","max_tokens":16,"stream":true}""");
    }

    [Fact]
    public async Task Embeddings_CreateAsync_posts_the_catalogue_request_and_reads_the_catalogue_response()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CataloguePayloads.EmbeddingResponse));
        using JuheClient client = ClientFor(handler);

        EmbeddingResponse response = await client.Embeddings.CreateAsync(new EmbeddingRequest { Model = "text-embedding-3-small", Input = new[] { "hello", "world" } });

        AssertJsonPost(Assert.Single(handler.Requests), "/v1/embeddings", CataloguePayloads.EmbeddingRequest);
        Assert.Equal([0.0123, -0.0045], Assert.Single(response.Data).EmbeddingValue.DoubleList!);
    }

    [Fact]
    public async Task Models_ListAsync_gets_v1_models_without_a_body_and_reads_the_catalogue_list()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CataloguePayloads.ModelList));
        using JuheClient client = ClientFor(handler);

        ModelList list = await client.Models.ListAsync();

        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal(Gateway + "/v1/models", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        Assert.Null(sent.Body);
        Assert.Equal("gpt-4o", Assert.Single(list.Data).Id);
        Assert.Equal([ModelEndpointType.OpenAI], list.Data[0].SupportedEndpointTypes!);
    }

    [Theory]
    [InlineData("gpt-4o", "/v1/models/gpt-4o")]
    [InlineData("deepseek-ai/DeepSeek-R1", "/v1/models/deepseek-ai%2FDeepSeek-R1")]
    [InlineData("my model", "/v1/models/my%20model")]
    [InlineData("a?b#c%d", "/v1/models/a%3Fb%23c%25d")]
    [InlineData("通义千问", "/v1/models/%E9%80%9A%E4%B9%89%E5%8D%83%E9%97%AE")]
    public async Task Models_GetAsync_escapes_the_model_id_into_one_path_segment(string model, string path)
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK,
            $$"""{"id":{{JsonSerializer.Serialize(model)}},"object":"model","created":1626777600,"owned_by":"custom"}"""));
        using JuheClient client = ClientFor(handler);

        Model read = await client.Models.GetAsync(model);

        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal(Gateway + path, sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        Assert.Equal(model, read.Id);
    }

    public static TheoryData<string> Operations => new("Chat.CreateAsync", "Chat.StreamAsync", "Completions.CreateAsync", "Completions.StreamAsync", "Embeddings.CreateAsync", "Models.ListAsync", "Models.GetAsync");

    private static async Task CallAsync(JuheClient client, string operation)
    {
        switch (operation)
        {
            case "Chat.CreateAsync":
                await client.Chat.CreateAsync(VisionRequest());
                break;
            case "Chat.StreamAsync":
                (await client.Chat.StreamAsync(VisionRequest())).Dispose();
                break;
            case "Completions.CreateAsync":
                await client.Completions.CreateAsync(new CompletionRequest { Model = "m", Prompt = "p" });
                break;
            case "Completions.StreamAsync":
                (await client.Completions.StreamAsync(new CompletionRequest { Model = "m", Prompt = "p" })).Dispose();
                break;
            case "Embeddings.CreateAsync":
                await client.Embeddings.CreateAsync(new EmbeddingRequest { Model = "m", Input = "x" });
                break;
            case "Models.ListAsync":
                await client.Models.ListAsync();
                break;
            case "Models.GetAsync":
                await client.Models.GetAsync("gpt-4o");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "no such operation in this test");
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_OpenAI_error_envelope_raises_JuheApiException_with_status_type_code_and_the_header_request_id(string operation)
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.BadRequest,
            """{"error":{"message":"model gpt-9 not found (request id: 20250411000000body)","type":"new_api_error","param":"","code":"model_not_found"}}""",
            ("X-Oneapi-Request-Id", "20250411123456789")));
        using JuheClient client = ClientFor(handler);

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => CallAsync(client, operation));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("new_api_error", e.ErrorType);
        Assert.Equal("model_not_found", e.ErrorCode);
        Assert.Equal("20250411123456789", e.RequestId);
        Assert.Equal("model gpt-9 not found (request id: 20250411000000body)", e.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_pre_relay_failure_without_code_raises_JuheApiException_with_the_request_id_from_the_message(string operation)
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.Unauthorized,
            """{"error":{"message":"无效的令牌 (request id: 2025041100000abc)","type":"new_api_error"}}"""));
        using JuheClient client = ClientFor(handler);

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => CallAsync(client, operation));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("new_api_error", e.ErrorType);
        Assert.Null(e.ErrorCode);
        Assert.Equal("2025041100000abc", e.RequestId);
    }

    [Fact]
    public async Task An_unimplemented_route_raises_JuheApiException_with_status_501_and_its_code()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.NotImplemented,
            """{"error":{"message":"API not implemented (request id: 2025041100000xyz)","type":"new_api_error","param":"","code":"api_not_implemented"}}""",
            ("X-Oneapi-Request-Id", "2025041100000xyz")));
        using JuheClient client = ClientFor(handler);

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Embeddings.CreateAsync(new EmbeddingRequest { Model = "m", Input = "x" }));

        Assert.Equal((HttpStatusCode.NotImplemented, "api_not_implemented", "2025041100000xyz"), (e.StatusCode, e.ErrorCode, e.RequestId));
        Assert.False(e.IsTransient);
    }

    [Fact]
    public void A_request_built_fluently_is_written_with_every_member_that_was_set()
    {
        using JsonDocument parameters = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");

        ChatCompletionRequest request = ChatCompletionRequest
            .CreateBuilder("gpt-4o", [new ChatMessage { Role = ChatRole.System, Content = "Be brief." }])
            .AddMessage(new ChatMessage { Role = ChatRole.User, Content = "Weather in Paris?" })
            .WithTemperature(0.2)
            .WithMaxTokens(256)
            .WithStop(new[] { "END" })
            .AddTool(new ChatTool { Type = ChatToolType.Function, Function = new ChatFunctionDefinition { Name = "get_weather", Parameters = parameters.RootElement } })
            .WithToolChoice(ChatToolChoiceMode.Auto)
            .WithAdditionalProperty("top_a", JsonDocument.Parse("0.5").RootElement)
            .Build();

        JsonAssert.Equivalent(
            """
            {"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in Paris?"}],
             "temperature":0.2,"max_tokens":256,"stop":["END"],
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
             "tool_choice":"auto","top_a":0.5}
            """,
            JsonSerializer.Serialize(request, JuheJsonContext.Default.ChatCompletionRequest));
    }

    [Fact]
    public void Building_without_the_messages_fails_naming_the_missing_member_and_how_to_set_it()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => new ChatCompletionRequestBuilder().WithModel("gpt-4o").Build());

        Assert.Contains("ChatCompletionRequest", e.Message, StringComparison.Ordinal);
        Assert.Contains("messages (WithMessages or AddMessage)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("model", e.Message.Replace("ChatCompletionRequest", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Building_without_any_required_member_fails_naming_each_of_them()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => new ChatCompletionRequestBuilder().WithTemperature(1).Build());

        Assert.Contains("model (WithModel)", e.Message, StringComparison.Ordinal);
        Assert.Contains("messages (WithMessages or AddMessage)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embeddings_builder_names_a_missing_input()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => new EmbeddingRequestBuilder().WithModel("text-embedding-3-small").Build());

        Assert.Contains("input", e.Message, StringComparison.Ordinal);
        Assert.Contains("EmbeddingRequest", e.Message, StringComparison.Ordinal);
    }
}
