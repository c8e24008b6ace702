using System.Net;
using System.Text;
using System.Text.Json;
using Juhe.Gemini;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Families;

/// <summary>The generated Gemini client (catalogue §5, §18.3): /v1beta/models/{model}:{action} with x-goog-api-key.</summary>
public sealed class GeminiFamilyTests
{
    // The catalogue's §5 answer.
    private const string CatalogueAnswer = """
        {"candidates":[{"content":{"role":"model","parts":[{"text":"{\"name\":\"Alice\",\"age\":30}"}]},"finishReason":"STOP","index":0}],
         "usageMetadata":{"promptTokenCount":14,"candidatesTokenCount":9,"thoughtsTokenCount":40,"totalTokenCount":63},
         "modelVersion":"gemini-2.5-flash"}
        """;

    private static GeminiGenerateContentRequest Hello() => GeminiGenerateContentRequest.CreateBuilder(
        [new GeminiContent { Role = GeminiRole.User, Parts = [new GeminiPart { Text = "你好" }] }]).Build();

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task GenerateContent_posts_to_the_model_action_path_with_x_goog_api_key_and_reads_the_catalogue_answer()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CatalogueAnswer));
        using JuheClient client = Create(gateway);
        GeminiGenerateContentRequest request = GeminiGenerateContentRequest
            .CreateBuilder([new GeminiContent { Role = GeminiRole.User, Parts = [new GeminiPart { Text = "Extract name and age as JSON: Alice is 30." }] }])
            .WithGenerationConfig(new GeminiGenerationConfig
            {
                ResponseMimeType = "application/json",
                ResponseSchema = Json("""{"type":"OBJECT","properties":{"name":{"type":"STRING"},"age":{"type":"INTEGER"}}}"""),
                ThinkingConfig = new GeminiThinkingConfig { ThinkingBudget = 512, IncludeThoughts = false },
            })
            .Build();

        GeminiGenerateContentResponse answer = await client.Gemini.GenerateContentAsync("gemini-2.5-flash", request);

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal((HttpMethod.Post, "/v1beta/models/gemini-2.5-flash:generateContent", ApiKey, null), (sent.Method, sent.Uri.PathAndQuery, sent.Header("x-goog-api-key"), sent.Header("Authorization")));
        JsonAssert.Equivalent("""
            {"contents":[{"role":"user","parts":[{"text":"Extract name and age as JSON: Alice is 30."}]}],
             "generationConfig":{"responseMimeType":"application/json",
               "responseSchema":{"type":"OBJECT","properties":{"name":{"type":"STRING"},"age":{"type":"INTEGER"}}},
               "thinkingConfig":{"thinkingBudget":512,"includeThoughts":false}}}
            """, sent.BodyText);
        GeminiCandidate candidate = Assert.Single(answer.Candidates!);
        Assert.Equal(("{\"name\":\"Alice\",\"age\":30}", GeminiFinishReason.Stop), (candidate.Content?.Parts?[0].Text, candidate.FinishReason));
        Assert.Equal((14, 40, 63, "gemini-2.5-flash"), (answer.UsageMetadata?.PromptTokenCount, answer.UsageMetadata?.ThoughtsTokenCount, answer.UsageMetadata?.TotalTokenCount, answer.ModelVersion));
    }

    [Fact]
    public async Task Every_documented_part_tool_and_setting_is_on_the_wire_in_camel_case()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CatalogueAnswer));
        using JuheClient client = Create(gateway);
        GeminiGenerateContentRequest request = GeminiGenerateContentRequest.CreateBuilder(
            [
                new GeminiContent
                {
                    Role = GeminiRole.User,
                    Parts =
                    [
                        new GeminiPart { InlineData = new GeminiBlob { MimeType = "image/png", Data = "iVBORw0K" } },
                        new GeminiPart { FileData = new GeminiFileData { MimeType = "video/mp4", FileUri = "https://example.com/v.mp4" } },
                    ],
                },
                new GeminiContent
                {
                    Role = GeminiRole.Model,
                    Parts = [new GeminiPart { FunctionCall = new GeminiFunctionCall { Name = "weather", Args = Json("""{"city":"Paris"}""") }, ThoughtSignature = "CiQB" }],
                },
                new GeminiContent
                {
                    Role = GeminiRole.User,
                    Parts = [new GeminiPart { FunctionResponse = new GeminiFunctionResponse { Name = "weather", Response = Json("""{"sky":"clear"}""") } }],
                },
            ])
            .WithSystemInstruction(new GeminiContent { Parts = [new GeminiPart { Text = "Be brief." }] })
            .WithGenerationConfig(new GeminiGenerationConfig { Temperature = 0.2, MaxOutputTokens = 256, ResponseModalities = [GeminiModality.Text, GeminiModality.Image] })
            .AddTool(new GeminiTool { FunctionDeclarations = [new GeminiFunctionDeclaration { Name = "weather", Parameters = Json("""{"type":"OBJECT"}""") }] })
            .AddTool(new GeminiTool { GoogleSearch = new() })
            .AddTool(new GeminiTool { CodeExecution = new() })
            .AddTool(new GeminiTool { UrlContext = new() })
            .WithToolConfig(new GeminiToolConfig { FunctionCallingConfig = new GeminiFunctionCallingConfig { Mode = GeminiFunctionCallingMode.Any, AllowedFunctionNames = ["weather"] } })
            .AddSafetySetting(new GeminiSafetySetting { Category = GeminiHarmCategory.HateSpeech, Threshold = GeminiHarmBlockThreshold.BlockOnlyHigh })
            .Build();

        await client.Gemini.GenerateContentAsync("gemini-2.5-pro", request);

        JsonAssert.Equivalent("""
            {"contents":[
               {"role":"user","parts":[{"inlineData":{"mimeType":"image/png","data":"iVBORw0K"}},{"fileData":{"mimeType":"video/mp4","fileUri":"https://example.com/v.mp4"}}]},
               {"role":"model","parts":[{"functionCall":{"name":"weather","args":{"city":"Paris"}},"thoughtSignature":"CiQB"}]},
               {"role":"user","parts":[{"functionResponse":{"name":"weather","response":{"sky":"clear"}}}]}],
             "systemInstruction":{"parts":[{"text":"Be brief."}]},
             "generationConfig":{"temperature":0.2,"maxOutputTokens":256,"responseModalities":["TEXT","IMAGE"]},
             "tools":[{"functionDeclarations":[{"name":"weather","parameters":{"type":"OBJECT"}}]},{"googleSearch":{}},{"codeExecution":{}},{"urlContext":{}}],
             "toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["weather"]}},
             "safetySettings":[{"category":"HARM_CATEGORY_HATE_SPEECH","threshold":"BLOCK_ONLY_HIGH"}]}
            """, gateway.Requests[0].BodyText);
    }

    [Fact]
    public async Task An_answer_with_a_thought_a_function_call_and_an_image_reads_each_part()
    {
        const string answer = """
            {"candidates":[{"content":{"role":"model","parts":[
               {"text":"Thinking about it","thought":true},
               {"functionCall":{"name":"weather","args":{"city":"Paris","days":2}},"thoughtSignature":"CiQB"},
               {"inlineData":{"mimeType":"image/png","data":"iVBORw0K"}}]},"finishReason":"STOP","index":0}],"responseId":"r-1"}
            """;
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, answer)));

        GeminiGenerateContentResponse response = await client.Gemini.GenerateContentAsync("gemini-2.5-flash-image-preview", Hello());

        IList<GeminiPart> parts = response.Candidates![0].Content!.Parts!;
        Assert.Equal(("Thinking about it", true), (parts[0].Text, parts[0].Thought));
        Assert.Equal(("weather", "Paris", 2, "CiQB"), (parts[1].FunctionCall?.Name, parts[1].FunctionCall?.Args?.GetProperty("city").GetString(), parts[1].FunctionCall?.Args?.GetProperty("days").GetInt32(), parts[1].ThoughtSignature));
        Assert.Equal(("image/png", "iVBORw0K"), (parts[2].InlineData?.MimeType, parts[2].InlineData?.Data));
    }

    [Fact]
    public async Task StreamGenerateContent_asks_for_alt_sse_on_the_stream_path_and_hands_back_a_GeminiStream()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, new MemoryStream(GeminiStreamSamples.Build(9))));
        using JuheClient client = Create(gateway);

        await using GeminiStream stream = await client.Gemini.StreamGenerateContentAsync("gemini-2.5-flash", Hello());
        var text = new StringBuilder();
        while (await stream.MoveNextAsync())
        {
            foreach (GeminiStreamPart part in stream.Current.Parts)
            {
                text.Append(Encoding.UTF8.GetString(part.TextUtf8));
            }
        }

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal(("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", ApiKey), (sent.Uri.PathAndQuery, sent.Header("x-goog-api-key")));
        JsonAssert.Equivalent("""{"contents":[{"role":"user","parts":[{"text":"你好"}]}]}""", sent.BodyText);
        Assert.Equal(ChatStreamSamples.ExpectedText(9), text.ToString());
        Assert.Equal(27, stream.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task A_model_id_is_one_escaped_path_segment()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, CatalogueAnswer));
        using JuheClient client = Create(gateway);

        await client.Gemini.GenerateContentAsync("tuned/model x", Hello());
        await Assert.ThrowsAsync<ArgumentException>(() => client.Gemini.GenerateContentAsync("", Hello()));

        Assert.Equal("/v1beta/models/tuned%2Fmodel%20x:generateContent", gateway.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task CountTokens_EmbedContent_and_BatchEmbedContents_post_to_their_actions()
    {
        FakeHandler gateway = FakeHandler.Answering(
            () => Responses.Json(HttpStatusCode.OK, """{"totalTokens":31,"promptTokensDetails":[{"modality":"TEXT","tokenCount":31}]}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"embedding":{"values":[0.25,-0.5]}}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"embeddings":[{"values":[1]},{"values":[2]}]}"""));
        using JuheClient client = Create(gateway);
        GeminiContent text = new() { Parts = [new GeminiPart { Text = "向量" }] };

        GeminiCountTokensResponse count = await client.Gemini.CountTokensAsync("gemini-2.5-flash", new GeminiCountTokensRequest { Contents = [text] });
        GeminiEmbedContentResponse one = await client.Gemini.EmbedContentAsync("gemini-embedding-001",
            GeminiEmbedContentRequest.CreateBuilder(text).WithTaskType(GeminiEmbedTaskType.RetrievalQuery).WithOutputDimensionality(2).Build());
        GeminiBatchEmbedContentsResponse batch = await client.Gemini.BatchEmbedContentsAsync("gemini-embedding-001", GeminiBatchEmbedContentsRequest.CreateBuilder(
            [new GeminiEmbedContentRequest { Model = "models/gemini-embedding-001", Content = text }, new GeminiEmbedContentRequest { Model = "models/gemini-embedding-001", Content = text }]).Build());

        Assert.Equal(
            ["/v1beta/models/gemini-2.5-flash:countTokens", "/v1beta/models/gemini-embedding-001:embedContent", "/v1beta/models/gemini-embedding-001:batchEmbedContents"],
            gateway.Requests.Select(r => r.Uri.PathAndQuery));
        JsonAssert.Equivalent("""{"content":{"parts":[{"text":"向量"}]},"taskType":"RETRIEVAL_QUERY","outputDimensionality":2}""", gateway.Requests[1].BodyText);
        Assert.Equal(31, count.TotalTokens);
        Assert.Equal([0.25, -0.5], one.Embedding.Values);
        Assert.Equal([1.0, 2.0], batch.Embeddings.Select(e => e.Values[0]));
    }

    [Fact]
    public async Task ListModels_reads_Gemini_model_pages_and_passes_the_page_token()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK,
            """{"models":[{"name":"models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash","supportedGenerationMethods":["generateContent","countTokens"]}],"nextPageToken":null}"""));
        using JuheClient client = Create(gateway);

        GeminiModelList page = await client.Gemini.ListModelsAsync(pageSize: 50, pageToken: "next 1");

        Assert.Equal((HttpMethod.Get, "/v1beta/models?pageSize=50&pageToken=next%201", ApiKey), (gateway.Requests[0].Method, gateway.Requests[0].Uri.PathAndQuery, gateway.Requests[0].Header("x-goog-api-key")));
        GeminiModel model = Assert.Single(page.Models!);
        Assert.Equal(("models/gemini-2.5-flash", "Gemini 2.5 Flash", null), (model.Name, model.DisplayName, page.NextPageToken));
        Assert.Equal(["generateContent", "countTokens"], model.SupportedGenerationMethods!);
    }

    [Theory]
    [InlineData("""{"error":{"message":"quota exhausted (request id: 2025112516)","type":"new_api_error","code":"insufficient_user_quota"}}""", "insufficient_user_quota")]
    [InlineData("""{"error":{"code":400,"message":"API key not valid. (request id: 2025112516)","status":"INVALID_ARGUMENT"}}""", "400")]
    public async Task The_gateways_and_Googles_error_envelopes_raise_with_their_message(string body, string code)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.BadRequest, body)), maxRetries: 0);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Gemini.GenerateContentAsync("gemini-2.5-flash", Hello()));

        Assert.Equal((HttpStatusCode.BadRequest, code, "2025112516"), (e.StatusCode, e.ErrorCode, e.RequestId));
        Assert.False(string.IsNullOrEmpty(e.ErrorMessage));
    }

    [Fact]
    public async Task An_error_before_the_stream_starts_raises_from_StreamGenerateContent()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.Forbidden, "model_not_allowed")), maxRetries: 0);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Gemini.StreamGenerateContentAsync("gemini-2.5-pro", Hello()));

        Assert.Equal(("model_not_allowed", HttpStatusCode.Forbidden), (e.ErrorCode, e.StatusCode));
    }
}
