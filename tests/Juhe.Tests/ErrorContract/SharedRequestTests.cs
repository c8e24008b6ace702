using System.Net;
using System.Text;
using System.Text.Json;
using Juhe.Chat;
using Juhe.Http;
using Juhe.Tests.Http;

namespace Juhe.Tests.ErrorContract;

/// <summary>A request object is the caller's: calls read it and never write to it, so one object can serve concurrent calls.</summary>
public sealed class SharedRequestTests
{
    private const string Answer = """{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}""";

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateAsync_and_StreamAsync_leave_the_stream_member_of_the_request_as_the_caller_set_it(bool? stream)
    {
        FakeHandler handler = new((sent, _) => Task.FromResult(Answering(sent)));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);
        ChatCompletionRequest request = Request(stream);

        await client.Chat.CreateAsync(request);
        (await client.Chat.StreamAsync(request)).Dispose();

        Assert.Equal(stream, request.Stream);
        Assert.False(HasStreamMember(handler.Requests[0]));
        Assert.True(StreamMember(handler.Requests[1]));
    }

    [Fact]
    public async Task One_request_shared_by_concurrent_streaming_and_plain_calls_sends_each_call_its_own_flag()
    {
        FakeHandler handler = new(async (sent, _) =>
        {
            await Task.Yield();
            return Answering(sent);
        });
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);
        ChatCompletionRequest shared = Request(stream: null);

        await Parallel.ForAsync(0, 200, async (i, ct) =>
        {
            if (i % 2 == 0)
            {
                await client.Chat.CreateAsync(shared, ct);
            }
            else
            {
                (await client.Chat.StreamAsync(shared, ct)).Dispose();
            }
        });

        Assert.Equal(200, handler.Requests.Count);
        Assert.All(handler.Requests, sent =>
        {
            bool streaming = sent.Header("Accept") == "text/event-stream";
            Assert.Equal(streaming, HasStreamMember(sent) && StreamMember(sent));
        });
    }

    private static ChatCompletionRequest Request(bool? stream) => new()
    {
        Model = "gpt-4o",
        Messages = [new ChatMessage { Role = ChatRole.User, Content = "你好" }],
        Stream = stream,
    };

    private static HttpResponseMessage Answering(RecordedRequest sent) => sent.Header("Accept") == "text/event-stream"
        ? Responses.Stream(HttpStatusCode.OK, new MemoryStream("data: [DONE]\n\n"u8.ToArray()))
        : Responses.Json(HttpStatusCode.OK, Answer);

    private static bool HasStreamMember(RecordedRequest sent) => JsonDocument.Parse(sent.Body).RootElement.TryGetProperty("stream", out _);

    private static bool StreamMember(RecordedRequest sent) => JsonDocument.Parse(sent.Body).RootElement.GetProperty("stream").GetBoolean();
}
