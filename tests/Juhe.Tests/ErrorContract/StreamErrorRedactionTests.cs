using System.Net;
using System.Text;
using Juhe.Http;
using Juhe.Streaming;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.ErrorContract;

/// <summary>Every exception a stream raises passes through the same redaction, with the client's secrets, as an HTTP error does.</summary>
public sealed class StreamErrorRedactionTests
{
    /// <summary>new-api strips <c>sk-</c> before looking a key up, so that is how an upstream echoes it.</summary>
    private static readonly string KeyWithoutPrefix = ApiKey["sk-".Length..];

    public static TheoryData<string> ErrorEventsEchoingTheKey => new()
    {
        $"data: {{\"error\":{{\"message\":\"invalid key {KeyWithoutPrefix}\",\"type\":\"upstream_error\",\"code\":\"bad_key\"}}}}\n\n",
        $"event: error\ndata: {{\"type\":\"error\",\"error\":{{\"type\":\"authentication_error\",\"message\":\"invalid key {KeyWithoutPrefix}\"}}}}\n\n",
    };

    [Theory]
    [MemberData(nameof(ErrorEventsEchoingTheKey))]
    public async Task An_error_event_that_echoes_the_key_without_its_prefix_never_shows_the_key(string errorEvent)
    {
        string events = Chunk("Hi") + errorEvent;

        JuheApiException e = await ReadUntilFailure(events);

        Assert.Equal(JuheErrorKind.Gateway, e.Kind);
        AssertNoSecret(e);
        Assert.Contains("invalid key [redacted]", e.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("[redacted]", e.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_chunk_quoting_the_key_is_reported_with_the_key_masked()
    {
        string events = Chunk("Hi") + $"data: {{\"choices\":[{{\"delta\":{{\"content\":\"{KeyWithoutPrefix} oops}}\n\n";

        JuheApiException e = await ReadUntilFailure(events);

        Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
        AssertNoSecret(e);
        Assert.Contains("not a valid chat.completion.chunk", e.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted] oops", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_system_access_token_is_masked_in_stream_errors_too()
    {
        string events = $"data: {{\"error\":{{\"message\":\"token {AccessToken} expired\"}}}}\n\n";

        JuheApiException e = await ReadUntilFailure(events);

        Assert.DoesNotContain(AccessToken, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, e.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_inside_a_stream_carry_the_status_and_request_id_of_its_response()
    {
        JuheApiException error = await ReadUntilFailure(Chunk("a") + "data: {\"error\":{\"message\":\"upstream died\"}}\n\n");
        JuheApiException truncated = await ReadUntilFailure(Chunk("a"));

        Assert.Equal((HttpStatusCode.OK, "req-stream-1"), (error.StatusCode, error.RequestId));
        Assert.Equal((HttpStatusCode.OK, "req-stream-1"), (truncated.StatusCode, truncated.RequestId));
        Assert.Equal(JuheErrorKind.Truncated, truncated.Kind);
        Assert.Contains("req-stream-1", truncated.Message, StringComparison.Ordinal);
    }

    internal static string Chunk(string content) =>
        $"data: {{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{content}\"}},\"finish_reason\":null}}]}}\n\n";

    internal static HttpResponseMessage EventStream(Stream body, string requestId = "req-stream-1")
    {
        HttpResponseMessage response = Responses.Stream(HttpStatusCode.OK, body);
        response.Headers.TryAddWithoutValidation("X-Oneapi-Request-Id", requestId);
        return response;
    }

    private static async Task<JuheApiException> ReadUntilFailure(string events)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => EventStream(new MemoryStream(Encoding.UTF8.GetBytes(events)))));
        await using var chat = new ChatCompletionStream(await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting));
        return await Assert.ThrowsAsync<JuheApiException>(async () =>
        {
            while (await chat.MoveNextAsync())
            {
            }
        });
    }

    private static void AssertNoSecret(JuheApiException e)
    {
        foreach (string? text in new[] { e.Message, e.ErrorMessage, e.BodyExcerpt, e.ToString() })
        {
            Assert.DoesNotContain(KeyWithoutPrefix, text ?? "", StringComparison.Ordinal);
        }
    }
}
