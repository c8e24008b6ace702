using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Juhe.Chat;
using Juhe.Completions;
using Juhe.Embeddings;
using Juhe.Models;

namespace Juhe.Tests.Generated;

/// <summary>
/// The generated <see cref="JuheJsonContext"/> reads the catalogue's real payloads into typed members
/// and writes back the same JSON, which is also what reflection-based System.Text.Json writes for
/// hand-written DTOs of the same payload.
/// </summary>
public class RoundTripTests
{
    private static readonly JuheJsonContext Json = JuheJsonContext.Default;

    [Fact]
    public void The_catalogue_vision_request_is_read_into_typed_members_and_written_back_unchanged()
    {
        ChatCompletionRequest request = AssertRoundTrip<ChatCompletionRequest, PlainChatRequest>(CataloguePayloads.ChatVisionRequest, Json.ChatCompletionRequest);

        Assert.Equal("gpt-4o", request.Model);
        Assert.True(request.Stream);
        Assert.True(request.StreamOptions!.IncludeUsage);
        ChatMessage message = Assert.Single(request.Messages);
        Assert.Equal(ChatRole.User, message.Role);
        IList<ChatContentPart> parts = message.Content!.ChatContentPartList!;
        Assert.Equal("What is in this picture?", parts[0].ChatTextContentPart!.Text);
        Assert.Equal("https://example.com/cat.png", parts[1].ChatImageContentPart!.ImageUrl.Url);
        Assert.Null(request.AdditionalProperties);
        Assert.Null(message.AdditionalProperties);
    }

    [Fact]
    public void The_catalogue_response_with_reasoning_and_a_tool_call_is_read_into_typed_members_and_written_back()
    {
        ChatCompletion completion = AssertRoundTrip<ChatCompletion, PlainChatCompletion>(CataloguePayloads.ChatToolCallResponse, Json.ChatCompletion);

        ChatChoice choice = Assert.Single(completion.Choices);
        Assert.Equal(ChatFinishReason.ToolCalls, choice.FinishReason);
        Assert.Null(choice.Message.Content);
        Assert.Equal("User wants weather, call tool.", choice.Message.ReasoningContent);
        ChatToolCall call = Assert.Single(choice.Message.ToolCalls!);
        Assert.Equal(("call_1", "get_weather", """{"city":"Paris"}"""), (call.Id, call.Function.Name, call.Function.Arguments));
        Assert.Equal((52, 31, 83), (completion.Usage!.PromptTokens, completion.Usage.CompletionTokens, completion.Usage.TotalTokens));
        Assert.Equal(12, completion.Usage.CompletionTokensDetails!.ReasoningTokens);
        Assert.Equal(1735000000, completion.Created);
        Assert.Null(completion.AdditionalProperties);
        Assert.Null(choice.Message.AdditionalProperties);
    }

    [Fact]
    public void The_catalogue_audio_request_is_read_into_typed_members_and_written_back_unchanged()
    {
        ChatCompletionRequest request = AssertRoundTrip<ChatCompletionRequest, PlainChatRequest>(CataloguePayloads.ChatAudioRequest, Json.ChatCompletionRequest);

        Assert.Equal([ChatModality.Text, ChatModality.Audio], request.Modalities!);
        Assert.Equal((ChatVoice.Alloy, ChatAudioFormat.Wav), (request.Audio!.Voice, request.Audio.Format));
        Assert.Equal("Say hello in French.", Assert.Single(request.Messages).Content!.String);
    }

    [Fact]
    public void The_catalogue_audio_response_is_read_into_typed_members_and_written_back()
    {
        ChatCompletion completion = AssertRoundTrip<ChatCompletion, PlainChatCompletion>(CataloguePayloads.ChatAudioResponse, Json.ChatCompletion);

        ChatCompletionAudio audio = Assert.Single(completion.Choices).Message.Audio!;
        Assert.Equal(("audio_1", "UklGR…", 1735003600L, "Bonjour !"), (audio.Id, audio.Data, audio.ExpiresAt, audio.Transcript));
        Assert.Null(completion.Created);
        Assert.Null(completion.Usage);
    }

    [Fact]
    public void The_catalogue_completion_request_and_response_are_read_into_typed_members_and_written_back()
    {
        CompletionRequest request = AssertRoundTrip<CompletionRequest, PlainCompletionRequest>(CataloguePayloads.CompletionRequest, Json.CompletionRequest);
        Completion completion = AssertRoundTrip<Completion, PlainChatCompletion>(CataloguePayloads.CompletionResponse, Json.Completion);

        Assert.Equal(("Say this is a test", 16), (request.Prompt.String, request.MaxTokens));
        CompletionChoice choice = Assert.Single(completion.Choices);
        Assert.Equal("\n\nThis is a test.", choice.Text);
        Assert.Null(choice.Logprobs);
        Assert.Equal(ChatFinishReason.Stop, choice.FinishReason);
        Assert.Equal(11, completion.Usage!.TotalTokens);
    }

    [Fact]
    public void The_catalogue_embeddings_request_and_response_are_read_into_typed_members_and_written_back()
    {
        EmbeddingRequest request = AssertRoundTrip<EmbeddingRequest, PlainEmbeddingRequest>(CataloguePayloads.EmbeddingRequest, Json.EmbeddingRequest);
        EmbeddingResponse response = AssertRoundTrip<EmbeddingResponse, PlainEmbeddingResponse>(CataloguePayloads.EmbeddingResponse, Json.EmbeddingResponse);

        Assert.Equal(["hello", "world"], request.Input.StringList!);
        Embedding embedding = Assert.Single(response.Data);
        Assert.Equal([0.0123, -0.0045], embedding.EmbeddingValue.DoubleList!);
        Assert.Equal((2, 2), (response.Usage!.PromptTokens, response.Usage.TotalTokens));
    }

    [Fact]
    public void The_catalogue_model_list_is_read_into_typed_members_and_written_back_unchanged()
    {
        ModelList list = AssertRoundTrip<ModelList, PlainModelList>(CataloguePayloads.ModelList, Json.ModelList);

        Assert.True(list.Success);
        Model model = Assert.Single(list.Data);
        Assert.Equal(("gpt-4o", "custom", 1626777600L), (model.Id, model.OwnedBy, model.Created));
        Assert.Equal([ModelEndpointType.OpenAI], model.SupportedEndpointTypes!);
    }

    [Theory]
    [MemberData(nameof(CataloguePayloads.ChatChunkIndexes), MemberType = typeof(CataloguePayloads))]
    public void Every_catalogue_stream_chunk_is_written_back_as_it_was_read(int index) =>
        AssertRoundTrip<ChatCompletionChunkPayload, PlainChatCompletion>(CataloguePayloads.ChatChunks[index], Json.ChatCompletionChunkPayload);

    [Fact]
    public void The_catalogue_stream_chunks_carry_role_reasoning_tool_call_fragments_finish_and_usage_in_typed_members()
    {
        ChatCompletionChunkPayload[] chunks = [.. CataloguePayloads.ChatChunks.Select(c => JsonSerializer.Deserialize(c, Json.ChatCompletionChunkPayload)!)];

        Assert.Equal(ChatRole.Assistant, chunks[0].Choices[0].Delta.Role);
        Assert.Equal("", chunks[0].Choices[0].Delta.Content);
        Assert.Equal(("Check units.", "Check units."), (chunks[1].Choices[0].Delta.ReasoningContent, chunks[1].Choices[0].Delta.Reasoning));
        ChatToolCallDelta first = Assert.Single(chunks[2].Choices[0].Delta.ToolCalls!);
        Assert.Equal((0, "call_1", "get_weather", ""), (first.Index, first.Id, first.Function!.Name, first.Function.Arguments));
        ChatToolCallDelta next = Assert.Single(chunks[3].Choices[0].Delta.ToolCalls!);
        Assert.Equal((0, null, null, """{"city":"Paris"}"""), (next.Index, next.Id, next.Function!.Name, next.Function.Arguments));
        Assert.Null(chunks[3].Choices[0].FinishReason);
        Assert.Equal(ChatFinishReason.ToolCalls, chunks[4].Choices[0].FinishReason);
        Assert.Empty(chunks[5].Choices);
        Assert.Equal(83, chunks[5].Usage!.TotalTokens);
    }

    [Fact]
    public void Members_the_schema_does_not_know_are_kept_at_every_level_and_written_back()
    {
        const string json = """
            {"id":"chatcmpl-9x","object":"chat.completion","created":1735000000,"model":"m","x_gateway":{"route":"b","n":[1,2]},
             "choices":[{"index":0,"finish_reason":"stop","provider_choice_id":7,
               "message":{"role":"assistant","content":"hi","citations":["https://a.example"],
                 "tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}","thought_signature":"sig"}}]}}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2,"cost":0.25}}
            """;

        ChatCompletion completion = AssertRoundTrip<ChatCompletion, PlainChatCompletion>(json, Json.ChatCompletion);

        Assert.Equal("""{"route":"b","n":[1,2]}""", completion.AdditionalProperties!["x_gateway"].GetRawText());
        Assert.Equal(7, completion.Choices[0].AdditionalProperties!["provider_choice_id"].GetInt32());
        Assert.Equal(JsonValueKind.Array, completion.Choices[0].Message.AdditionalProperties!["citations"].ValueKind);
        Assert.Equal("sig", completion.Choices[0].Message.ToolCalls![0].Function.AdditionalProperties!["thought_signature"].GetString());
        Assert.Equal(0.25, completion.Usage!.AdditionalProperties!["cost"].GetDouble());
    }

    [Fact]
    public void Enum_values_the_schema_does_not_know_are_accepted_and_written_back_unchanged()
    {
        const string chunk = """{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"critic"},"finish_reason":"safety_block"}]}""";
        const string models = """{"object":"list","data":[{"id":"veo3","supported_endpoint_types":["视频统一格式","openai"]}]}""";

        ChatCompletionChunkPayload parsed = AssertRoundTrip<ChatCompletionChunkPayload, PlainChatCompletion>(chunk, Json.ChatCompletionChunkPayload);
        ModelList list = AssertRoundTrip<ModelList, PlainModelList>(models, Json.ModelList);

        Assert.Equal("critic", parsed.Choices[0].Delta.Role!.Value.Value);
        Assert.Equal("safety_block", parsed.Choices[0].FinishReason!.Value.Value);
        Assert.NotEqual(ChatFinishReason.Stop, parsed.Choices[0].FinishReason);
        Assert.Equal(["视频统一格式", "openai"], list.Data[0].SupportedEndpointTypes!.Select(t => t.Value));
        Assert.Equal(ModelEndpointType.OpenAI, list.Data[0].SupportedEndpointTypes![1]);
    }

    [Fact]
    public void A_content_part_of_an_unknown_type_is_kept_as_JSON_and_written_back_unchanged()
    {
        const string json = """{"model":"m","messages":[{"role":"user","content":[{"type":"video_url","video_url":{"url":"https://v.example/a.mp4"}},{"type":"text","text":"describe"}]}]}""";

        ChatCompletionRequest request = AssertRoundTrip<ChatCompletionRequest, PlainChatRequest>(json, Json.ChatCompletionRequest);

        IList<ChatContentPart> parts = request.Messages[0].Content!.ChatContentPartList!;
        Assert.Equal("https://v.example/a.mp4", parts[0].Unknown!.Value.GetProperty("video_url").GetProperty("url").GetString());
        Assert.Equal("describe", parts[1].ChatTextContentPart!.Text);
    }

    [Fact]
    public void Message_content_is_read_and_written_as_a_string_or_as_an_array_of_parts()
    {
        const string json = """
            {"model":"m","messages":[
              {"role":"system","content":"Be brief."},
              {"role":"user","content":[{"type":"text","text":"Look:"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}}]}]}
            """;

        ChatCompletionRequest read = AssertRoundTrip<ChatCompletionRequest, PlainChatRequest>(json, Json.ChatCompletionRequest);
        var built = new ChatCompletionRequest
        {
            Model = "m",
            Messages =
            [
                new ChatMessage { Role = ChatRole.System, Content = "Be brief." },
                new ChatMessage
                {
                    Role = ChatRole.User,
                    Content = new ChatContentPart[]
                    {
                        new ChatTextContentPart { Type = "text", Text = "Look:" },
                        new ChatImageContentPart { Type = "image_url", ImageUrl = new ChatImageUrl { Url = "data:image/png;base64,iVBORw0KGgo=", Detail = ChatImageDetail.Low } },
                    },
                },
            ],
        };

        Assert.Equal("Be brief.", read.Messages[0].Content!.String);
        Assert.Null(read.Messages[0].Content!.ChatContentPartList);
        Assert.Equal(2, read.Messages[1].Content!.ChatContentPartList!.Count);
        Assert.Null(read.Messages[1].Content!.String);
        JsonAssert.Equivalent(json, JsonSerializer.Serialize(built, Json.ChatCompletionRequest));
    }

    [Theory]
    [InlineData("\"\\n\\n\"")]
    [InlineData("""["END","###"]""")]
    [InlineData("[]")]
    public void Stop_is_read_and_written_as_a_string_or_an_array_of_strings(string stop)
    {
        string json = $$"""{"model":"m","messages":[{"role":"user","content":"hi"}],"stop":{{stop}}}""";

        ChatCompletionRequest request = AssertRoundTrip<ChatCompletionRequest, PlainChatRequest>(json, Json.ChatCompletionRequest);

        JsonElement expected = JsonDocument.Parse(stop).RootElement;
        if (expected.ValueKind == JsonValueKind.String)
        {
            Assert.Equal(expected.GetString(), request.Stop!.String);
            Assert.Null(request.Stop.StringList);
        }
        else
        {
            Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()), request.Stop!.StringList!);
            Assert.Null(request.Stop.String);
        }
    }

    [Fact]
    public void Stop_built_from_a_string_or_an_array_is_written_in_that_shape()
    {
        var one = new ChatCompletionRequest { Model = "m", Messages = [], Stop = "\n" };
        var many = new ChatCompletionRequest { Model = "m", Messages = [], Stop = new[] { "a", "b" } };

        JsonAssert.Equivalent("""{"model":"m","messages":[],"stop":"\n"}""", JsonSerializer.Serialize(one, Json.ChatCompletionRequest));
        JsonAssert.Equivalent("""{"model":"m","messages":[],"stop":["a","b"]}""", JsonSerializer.Serialize(many, Json.ChatCompletionRequest));
    }

    public static TheoryData<string, string> EmbeddingInputs => new()
    {
        { "\"hello\"", "string" },
        { """["hello","world"]""", "strings" },
        { "[9906,1917]", "tokens" },
        { "[[9906,1917],[15339]]", "token arrays" },
    };

    [Theory]
    [MemberData(nameof(EmbeddingInputs))]
    public void Embeddings_input_is_read_and_written_in_each_of_its_four_shapes(string input, string shape)
    {
        string json = $$"""{"model":"text-embedding-3-small","input":{{input}},"encoding_format":"float","dimensions":256}""";

        EmbeddingRequest request = AssertRoundTrip<EmbeddingRequest, PlainEmbeddingRequest>(json, Json.EmbeddingRequest);

        EmbeddingInput read = request.Input;
        (object? value, string expectedShape) = read switch
        {
            { String: { } s } => ((object?)s, "string"),
            { StringList: { } l } => (l, "strings"),
            { Int32List: { } l } => (l, "tokens"),
            { Int32ListList: { } l } => (l, "token arrays"),
            _ => (null, "none"),
        };
        Assert.Equal(shape, expectedShape);
        Assert.NotNull(value);
        Assert.Equal(256, request.Dimensions);
    }

    [Fact]
    public void Embeddings_input_built_from_each_shape_is_written_like_reflection_writes_the_same_value()
    {
        (EmbeddingInput Generated, object Plain)[] shapes =
        [
            ("hello", "hello"),
            (new[] { "hello", "world" }, new[] { "hello", "world" }),
            (new[] { 9906, 1917 }, new[] { 9906, 1917 }),
            (new IList<int>[] { [9906, 1917], [15339] }, new[] { new[] { 9906, 1917 }, new[] { 15339 } }),
        ];

        foreach ((EmbeddingInput generated, object plain) in shapes)
        {
            var request = new EmbeddingRequest { Model = "e", Input = generated, EncodingFormat = EmbeddingEncodingFormat.Float };
            var reference = new PlainEmbeddingRequest { Model = "e", Input = plain, EncodingFormat = "float" };
            JsonAssert.Equivalent(PlainJson.Serialize(reference), JsonSerializer.Serialize(request, Json.EmbeddingRequest));
        }
    }

    [Fact]
    public void An_embedding_is_read_and_written_as_an_array_of_floats_or_as_a_base64_string()
    {
        const string json = """
            {"object":"list","model":"text-embedding-3-small","data":[
              {"object":"embedding","index":0,"embedding":[0.0123,-0.0045,1e-7]},
              {"object":"embedding","index":1,"embedding":"AACAPwAAAEA="}],
             "usage":{"prompt_tokens":2,"total_tokens":2}}
            """;

        EmbeddingResponse response = AssertRoundTrip<EmbeddingResponse, PlainEmbeddingResponse>(json, Json.EmbeddingResponse);

        Assert.Equal([0.0123, -0.0045, 1e-7], response.Data[0].EmbeddingValue.DoubleList!);
        Assert.Null(response.Data[0].EmbeddingValue.String);
        Assert.Equal("AACAPwAAAEA=", response.Data[1].EmbeddingValue.String);
        Assert.Null(response.Data[1].EmbeddingValue.DoubleList);
    }

    [Fact]
    public void A_request_built_in_CSharp_is_written_exactly_like_reflection_writes_the_same_hand_written_values()
    {
        using JsonDocument parameters = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
        using JsonDocument schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"}},"additionalProperties":false}""");
        var generated = new ChatCompletionRequest
        {
            Model = "gpt-4o",
            Messages =
            [
                new ChatMessage { Role = ChatRole.System, Content = "You are terse." },
                new ChatMessage { Role = ChatRole.User, Content = new ChatContentPart[] { new ChatTextContentPart { Type = "text", Text = "Weather in \"Paris\"? 天气" }, new ChatImageContentPart { Type = "image_url", ImageUrl = new ChatImageUrl { Url = "https://example.com/cat.png", Detail = ChatImageDetail.High } } } },
                new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ChatToolCall { Id = "call_1", Type = ChatToolType.Function, Function = new ChatFunctionCall { Name = "get_weather", Arguments = """{"city":"Paris"}""" } }] },
                new ChatMessage { Role = ChatRole.Tool, ToolCallId = "call_1", Content = "18°C" },
            ],
            Stream = true,
            StreamOptions = new ChatStreamOptions { IncludeUsage = true },
            MaxTokens = 512,
            Temperature = 0.2,
            Stop = new[] { "END" },
            Tools = [new ChatTool { Type = ChatToolType.Function, Function = new ChatFunctionDefinition { Name = "get_weather", Description = "Current weather", Parameters = parameters.RootElement, Strict = true } }],
            ToolChoice = ChatToolChoiceMode.Auto,
            ResponseFormat = new ChatResponseFormat { Type = ChatResponseFormatType.JsonSchema, JsonSchema = new ChatJsonSchema { Name = "answer", Strict = true, Schema = schema.RootElement } },
        };
        var reference = new PlainChatRequest
        {
            Model = "gpt-4o",
            Messages =
            [
                new PlainMessage { Role = "system", Content = "You are terse." },
                new PlainMessage { Role = "user", Content = new List<PlainPart> { new() { Type = "text", Text = "Weather in \"Paris\"? 天气" }, new() { Type = "image_url", ImageUrl = new PlainImageUrl { Url = "https://example.com/cat.png", Detail = "high" } } } },
                new PlainMessage { Role = "assistant", ToolCalls = [new PlainToolCall { Id = "call_1", Type = "function", Function = new PlainFunctionCall { Name = "get_weather", Arguments = """{"city":"Paris"}""" } }] },
                new PlainMessage { Role = "tool", ToolCallId = "call_1", Content = "18°C" },
            ],
            Stream = true,
            StreamOptions = new PlainStreamOptions { IncludeUsage = true },
            MaxTokens = 512,
            Temperature = 0.2,
            Stop = new[] { "END" },
            Tools = [new PlainTool { Function = new PlainFunction { Name = "get_weather", Description = "Current weather", Parameters = parameters.RootElement, Strict = true } }],
            ToolChoice = "auto",
            ResponseFormat = new PlainResponseFormat { Type = "json_schema", JsonSchema = new PlainJsonSchema { Name = "answer", Strict = true, Schema = schema.RootElement } },
        };

        string written = JsonSerializer.Serialize(generated, Json.ChatCompletionRequest);

        JsonAssert.Equivalent(PlainJson.Serialize(reference), written);
        JsonAssert.Equivalent(written, JsonAssert.RoundTrip(written, Json.ChatCompletionRequest));
    }

    [Fact]
    public void Lists_and_dictionaries_of_any_implementation_are_written_in_full()
    {
        var request = new ChatCompletionRequest
        {
            Model = "m",
            Messages = new System.Collections.ObjectModel.ReadOnlyCollection<ChatMessage>([new ChatMessage { Role = ChatRole.User, Content = "hi" }]),
            Modalities = new System.Collections.ObjectModel.Collection<ChatModality> { ChatModality.Text },
            Metadata = new SortedDictionary<string, string> { ["b"] = "2", ["a"] = "1" },
            LogitBias = new System.Collections.ObjectModel.ReadOnlyDictionary<string, int>(new Dictionary<string, int> { ["50256"] = -100 }),
            AdditionalProperties = new SortedDictionary<string, JsonElement> { ["top_a"] = JsonDocument.Parse("0.5").RootElement },
        };

        JsonAssert.Equivalent(
            """{"model":"m","messages":[{"role":"user","content":"hi"}],"modalities":["text"],"metadata":{"a":"1","b":"2"},"logit_bias":{"50256":-100},"top_a":0.5}""",
            JsonSerializer.Serialize(request, Json.ChatCompletionRequest));
    }

    /// <summary>
    /// Reads <paramref name="json"/> with the generated metadata, writes it back, and checks the
    /// output against the input (explicit nulls of optional members count as absent) and against
    /// what reflection-based System.Text.Json writes for the hand-written DTO of the same payload.
    /// </summary>
    private static T AssertRoundTrip<T, TPlain>(string json, JsonTypeInfo<T> typeInfo)
    {
        T value = JsonSerializer.Deserialize(json, typeInfo)!;
        string written = JsonSerializer.Serialize(value, typeInfo);

        JsonAssert.Equivalent(JsonAssert.WithoutNullMembers(json), written);
        JsonAssert.Equivalent(PlainJson.RoundTrip<TPlain>(json), written);
        return value;
    }
}
