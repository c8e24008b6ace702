using System.Net;
using System.Text;
using Juhe.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Http;

public class JuheClientRetryTests
{
    private static readonly Func<HttpResponseMessage> Success = () => Responses.Json(HttpStatusCode.OK, """{"text":"ok"}""");

    private static Task<Reply> Call(JuheClient client) =>
        client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);

    private static ManualTimeProvider InstantDelays() => new() { FireAtOnceUpTo = TimeSpan.FromMinutes(2) };

    [Fact]
    public async Task A_429_with_Retry_After_seconds_is_retried_after_that_many_seconds()
    {
        ManualTimeProvider time = InstantDelays();
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.TooManyRequests, "token_concurrency_limit_reached", ("Retry-After", "7")), Success);
        using JuheClient client = Create(handler, time);

        Reply reply = await Call(client);

        Assert.Equal("ok", reply.Text);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(7), time.RequestedDueTimes);
    }

    [Fact]
    public async Task A_429_with_Retry_After_as_HTTP_date_waits_until_that_date()
    {
        ManualTimeProvider time = InstantDelays();
        string date = time.GetUtcNow().AddSeconds(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.TooManyRequests, "rate", ("Retry-After", date)), Success);
        using JuheClient client = Create(handler, time);

        await Call(client);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(30), time.RequestedDueTimes);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryDelay_is_not_waited_for()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.TooManyRequests, "rate", ("Retry-After", "3600")), Success);
        using JuheClient client = Create(handler, maxRetryDelay: TimeSpan.FromMinutes(1));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => Call(client));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_503_is_retried_with_exponential_backoff_and_jitter()
    {
        ManualTimeProvider time = InstantDelays();
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.ServiceUnavailable, "get_channel_failed"));
        using JuheClient client = Create(handler, time, maxRetries: 3, retryBaseDelay: TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => Call(client));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(4, handler.Requests.Count);
        TimeSpan[] delays = time.RequestedDueTimes.Where(d => d < TimeSpan.FromMinutes(1)).ToArray();
        Assert.Equal(3, delays.Length);
        for (int i = 0; i < 3; i++)
        {
            double step = Math.Pow(2, i);
            Assert.InRange(delays[i].TotalSeconds, step / 2, step);
        }
    }

    [Fact]
    public async Task A_503_then_success_returns_the_success()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.ServiceUnavailable), Success);
        using JuheClient client = Create(handler);

        Assert.Equal("ok", (await Call(client)).Text);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_connection_failure_is_retried()
    {
        FakeHandler handler = new((request, _) => request.Attempt == 0
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (gateway.example.com:443)")
            : Task.FromResult(Success()));
        using JuheClient client = Create(handler);

        Assert.Equal("ok", (await Call(client)).Text);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Connection_failures_beyond_the_retry_count_surface_as_a_transient_transport_error_with_the_last_failure_inside()
    {
        FakeHandler handler = new((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using JuheClient client = Create(handler, maxRetries: 2);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => Call(client));

        Assert.Equal(JuheErrorKind.Transport, e.Kind);
        Assert.True(e.IsTransient);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(e.InnerException).HttpRequestError);
        Assert.Contains("3 attempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_TLS_failure_is_not_retried()
    {
        FakeHandler handler = new((_, _) => throw new HttpRequestException(HttpRequestError.SecureConnectionError, "certificate rejected"));
        using JuheClient client = Create(handler);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => Call(client));

        Assert.Equal(JuheErrorKind.Transport, e.Kind);
        Assert.False(e.IsTransient);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData(HttpStatusCode.Unauthorized, "invalid_key")]
    [InlineData(HttpStatusCode.Forbidden, "insufficient_user_quota")]
    [InlineData(HttpStatusCode.NotImplemented, "api_not_implemented")]
    [InlineData(HttpStatusCode.InternalServerError, "model_price_error")]
    public async Task Errors_that_retrying_cannot_fix_are_not_retried(HttpStatusCode status, string code)
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(status, code), Success);
        using JuheClient client = Create(handler);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => Call(client));

        Assert.Equal(code, e.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public async Task The_retry_count_is_honoured(int maxRetries)
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.BadGateway, "bad_response_status_code"));
        using JuheClient client = Create(handler, maxRetries: maxRetries);

        await Assert.ThrowsAsync<JuheApiException>(() => Call(client));

        Assert.Equal(maxRetries + 1, handler.Requests.Count);
    }

    [Fact]
    public async Task A_retry_resends_the_same_body_bytes_serialized_once()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.TooManyRequests), () => Responses.OpenAiError(HttpStatusCode.BadGateway), Success);
        using JuheClient client = Create(handler);
        var body = new CountingBody();

        await client.SendAsync(Post(), body, HttpTestJson.Default.CountingBody, HttpTestJson.Default.Reply);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("""{"value":7}""", handler.Requests[0].BodyText);
        Assert.All(handler.Requests, r => Assert.Equal(handler.Requests[0].Body, r.Body));
        Assert.Equal(1, body.Reads);
    }

    [Fact]
    public async Task A_stream_is_retried_before_its_headers_arrive()
    {
        var events = new ScriptedStream();
        events.Push(Encoding.UTF8.GetBytes("data: [DONE]\n\n"));
        events.End();
        FakeHandler handler = FakeHandler.Answering(
            () => Responses.OpenAiError(HttpStatusCode.ServiceUnavailable),
            () => Responses.Stream(HttpStatusCode.OK, events));
        using JuheClient client = Create(handler);

        await using Stream stream = await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_stream_that_breaks_after_it_began_is_never_resent()
    {
        var events = new ScriptedStream();
        events.Push(Encoding.UTF8.GetBytes("data: {\"partial\":true}\n\n"));
        events.Fail(new IOException("The response ended prematurely."));
        FakeHandler handler = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, events));
        using JuheClient client = Create(handler);

        await using Stream stream = await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);
        byte[] buffer = new byte[256];
        int first = await stream.ReadAsync(buffer);

        Assert.True(first > 0);
        var e = await Assert.ThrowsAsync<JuheApiException>(async () => _ = await stream.ReadAsync(buffer));
        Assert.Equal(JuheErrorKind.Transport, e.Kind);
        Assert.IsType<IOException>(e.InnerException);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_delay_stops_at_once()
    {
        var time = new ManualTimeProvider();
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.TooManyRequests, "rate", ("Retry-After", "20")));
        using JuheClient client = Create(handler, time);
        using var cts = new CancellationTokenSource();

        Task<Reply> call = client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply, cts.Token);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(20));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(handler.Requests);
    }
}
