using System.Net;
using System.Text;
using Juhe.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Http;

public class JuheClientErrorTests
{
    private static async Task<JuheApiException> FailingCall(Func<HttpResponseMessage> response)
    {
        using JuheClient client = Create(FakeHandler.Answering(response), maxRetries: 0);
        return await Assert.ThrowsAsync<JuheApiException>(
            () => client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply));
    }

    [Fact]
    public async Task An_error_response_carries_status_type_code_message_and_the_header_request_id()
    {
        var e = await FailingCall(() => Responses.Json(HttpStatusCode.Forbidden,
            """{"error":{"message":"该令牌无权访问模型 gpt-5 (request id: from-body)","type":"new_api_error","code":"access_denied"}}""",
            ("X-Oneapi-Request-Id", "20250411120000abc")));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal("new_api_error", e.ErrorType);
        Assert.Equal("access_denied", e.ErrorCode);
        Assert.Equal("该令牌无权访问模型 gpt-5 (request id: from-body)", e.ErrorMessage);
        Assert.Equal("20250411120000abc", e.RequestId);
        Assert.Contains("403 (Forbidden)", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.BodyExcerpt);
    }

    [Theory]
    [InlineData("{\"text\":\"cut off", "Reply")]
    [InlineData("{\"text\":42}", "Reply")]
    [InlineData("null", "JSON null")]
    public async Task A_success_body_that_is_not_the_documented_shape_is_reported_with_status_and_request_id(string body, string expected)
    {
        var e = await FailingCall(() => Responses.Json(HttpStatusCode.OK, body, ("X-Oneapi-Request-Id", "req-7")));

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
        Assert.Null(e.ErrorType);
        Assert.Null(e.ErrorMessage);
        Assert.Equal("req-7", e.RequestId);
        Assert.Contains("not the documented Reply shape", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_header_the_request_id_comes_from_the_message()
    {
        var e = await FailingCall(() => Responses.Json(HttpStatusCode.Unauthorized,
            """{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key (request id: 2025abc)"}}"""));

        Assert.Equal("2025abc", e.RequestId);
        Assert.Equal("authentication_error", e.ErrorType);
    }

    [Fact]
    public async Task A_proxy_HTML_page_is_reported_as_such_with_its_title()
    {
        var e = await FailingCall(() => Responses.Text(HttpStatusCode.BadGateway,
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html"));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Contains("HTML page", e.Message, StringComparison.Ordinal);
        Assert.Contains("502 Bad Gateway", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_error_body_is_reported_as_empty()
    {
        var e = await FailingCall(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        Assert.Contains("empty body", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_error_body_is_read_only_up_to_the_bound_and_says_so()
    {
        var endless = new EndlessStream();

        var e = await FailingCall(() => Responses.Stream(HttpStatusCode.BadRequest, endless, "text/plain"));

        Assert.True(endless.BytesRead < 1024 * 1024, $"Read {endless.BytesRead} bytes of an endless error body.");
        Assert.True(endless.BytesRead > JuheClient.MaxErrorBodyBytes, "The bounded part should have been read.");
        Assert.Contains("only the start of a larger body was read", e.Message, StringComparison.Ordinal);
        Assert.Equal(JuheApiException.MaxBodyExcerptLength + 1, e.BodyExcerpt!.Length);
    }

    [Fact]
    public async Task A_key_echoed_by_the_gateway_never_appears_in_message_excerpt_or_ToString()
    {
        var e = await FailingCall(() => Responses.Json(HttpStatusCode.Unauthorized,
            $$$"""{"error":{"message":"无效的令牌 {{{ApiKey}}} / {{{ApiKey[3..]}}}","type":"new_api_error","code":"{{{ApiKey}}}"}}"""));

        foreach (string? text in new[] { e.Message, e.ErrorMessage, e.ErrorCode, e.BodyExcerpt, e.ToString() })
        {
            Assert.DoesNotContain(ApiKey[3..], text, StringComparison.Ordinal);
        }

        Assert.Contains("[redacted]", e.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_echoed_access_token_that_does_not_look_like_a_key_is_masked_too()
    {
        var e = await FailingCall(() => Responses.Json(HttpStatusCode.Unauthorized,
            $$"""{"success":false,"message":"token {{AccessToken}} does not match New-Api-User"}"""));

        Assert.DoesNotContain(AccessToken, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, e.BodyExcerpt, StringComparison.Ordinal);
        Assert.Contains("does not match New-Api-User", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_request_answered_2xx_with_JSON_is_the_error_it_carries()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK,
            """{"error":{"message":"当前分组上游负载已饱和，请稍后再试","type":"new_api_error","code":"model_not_found"}}"""));
        using JuheClient client = Create(handler);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting));

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("model_not_found", e.ErrorCode);
        Assert.Contains("上游负载已饱和", e.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_stream_request_answered_with_an_error_status_throws_before_any_stream()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.Unauthorized, "invalid_key"));
        using JuheClient client = Create(handler);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("invalid_key", e.ErrorCode);
    }

    [Fact]
    public async Task A_successful_stream_request_returns_the_body_asks_for_an_event_stream_and_disposing_releases_it()
    {
        var body = new ScriptedStream();
        body.Push(Encoding.UTF8.GetBytes("data: {}\n\n"));
        body.End();
        FakeHandler handler = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, body));
        using JuheClient client = Create(handler);

        string text;
        await using (Stream stream = await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting))
        {
            using var reader = new StreamReader(stream);
            text = await reader.ReadToEndAsync();
        }

        Assert.Equal("data: {}\n\n", text);
        Assert.Equal("text/event-stream", handler.Requests[0].Header("Accept"));
        Assert.Equal("""{"name":"a","n":1}""", handler.Requests[0].BodyText);
        Assert.True(body.IsDisposed);
    }
}
