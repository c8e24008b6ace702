using System.Net;
using System.Text.Json;
using Juhe.Chat;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Families;

/// <summary>
/// A streamed chat asks for usage (stream_options.include_usage) unless the caller chose otherwise: new-api
/// can drop the final finish chunk without it. The caller's request object is never modified.
/// </summary>
public sealed class ChatStreamUsageTests
{
    private static ChatCompletionRequest Hello() =>
        ChatCompletionRequest.CreateBuilder("gpt-4o", [new ChatMessage { Role = ChatRole.User, Content = "你好" }]).Build();

    private static async Task<JsonElement> StreamedBody(ChatCompletionRequest request)
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, new MemoryStream(ChatStreamSamples.Build(3))));
        using JuheClient client = Create(gateway);
        await using ChatCompletionStream stream = await client.Chat.StreamAsync(request);
        while (await stream.MoveNextAsync())
        {
        }

        return JsonDocument.Parse(gateway.Requests[0].BodyText).RootElement.Clone();
    }

    [Fact]
    public async Task StreamAsync_asks_for_usage_when_the_request_has_no_stream_options_and_leaves_the_request_as_it_was()
    {
        ChatCompletionRequest request = Hello();

        JsonElement body = await StreamedBody(request);

        Assert.True(body.GetProperty("stream").GetBoolean());
        Assert.True(body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("gpt-4o", body.GetProperty("model").GetString());
        Assert.Null(request.StreamOptions);
        Assert.Null(request.Stream);
    }

    [Theory]
    [InlineData(false, """{"include_usage":false}""")]
    [InlineData(null, """{"include_obfuscation":false}""")]
    public async Task Stream_options_the_caller_set_are_sent_as_they_are(bool? includeUsage, string expected)
    {
        ChatCompletionRequest request = Hello();
        request.StreamOptions = includeUsage is null ? new ChatStreamOptions { IncludeObfuscation = false } : new ChatStreamOptions { IncludeUsage = includeUsage };

        JsonElement body = await StreamedBody(request);

        Generated.JsonAssert.Equivalent(expected, body.GetProperty("stream_options").GetRawText());
    }

    [Fact]
    public async Task CreateAsync_does_not_ask_for_stream_usage()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK,
            """{"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}"""));
        using JuheClient client = Create(gateway);

        await client.Chat.CreateAsync(Hello());

        JsonElement body = JsonDocument.Parse(gateway.Requests[0].BodyText).RootElement;
        Assert.False(body.TryGetProperty("stream_options", out _));
        Assert.False(body.TryGetProperty("stream", out _));
    }
}
