using System.Net;
using Juhe.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Http;

public class JuheClientRequestTests
{
    private static FakeHandler Ok() => FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"hi"}"""));

    [Fact]
    public async Task A_body_request_sends_method_path_query_bearer_key_and_the_JSON_bytes()
    {
        FakeHandler handler = Ok();
        using JuheClient client = Create(handler);

        Reply reply = await client.SendAsync(Post("/v1/chat/completions", query: "a=1&b=x%20y"), new Greeting("Ann", 3), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);

        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://gateway.example.com/v1/chat/completions?a=1&b=x%20y", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + ApiKey, sent.Header("Authorization"));
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("""{"name":"Ann","n":3}""", sent.BodyText);
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.Equal("hi", reply.Text);
    }

    [Fact]
    public async Task A_request_without_body_sends_no_content()
    {
        FakeHandler handler = Ok();
        using JuheClient client = Create(handler);

        await client.SendAsync(Get("/v1/models"), HttpTestJson.Default.Reply);

        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Null(sent.Body);
        Assert.Equal("https://gateway.example.com/v1/models", sent.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_base_URL_with_a_path_keeps_that_path_as_prefix()
    {
        FakeHandler handler = Ok();
        using JuheClient client = Create(handler, baseUrl: new Uri("https://proxy.example.com/juhe/"));

        await client.SendAsync(Get("/v1/models"), HttpTestJson.Default.Reply);

        Assert.Equal("https://proxy.example.com/juhe/v1/models", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Anthropic_auth_sends_x_api_key_and_anthropic_version_and_no_Authorization()
    {
        FakeHandler handler = Ok();
        using JuheClient client = Create(handler);

        await client.SendAsync(Post("/v1/messages", JuheAuthStyle.AnthropicApiKey), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);

        RecordedRequest sent = handler.Requests[0];
        Assert.Equal(ApiKey, sent.Header("x-api-key"));
        Assert.Equal("2023-06-01", sent.Header("anthropic-version"));
        Assert.Null(sent.Header("Authorization"));
    }

    [Fact]
    public async Task Google_auth_sends_x_goog_api_key_only()
    {
        FakeHandler handler = Ok();
        using JuheClient client = Create(handler);

        await client.SendAsync(Post("/v1beta/models/gemini-2.5-pro:generateContent", JuheAuthStyle.GoogleApiKey), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);

        RecordedRequest sent = handler.Requests[0];
        Assert.Equal(ApiKey, sent.Header("x-goog-api-key"));
        Assert.Null(sent.Header("Authorization"));
        Assert.Equal("/v1beta/models/gemini-2.5-pro:generateContent", sent.Uri.AbsolutePath);
    }

    [Fact]
    public async Task System_access_token_auth_sends_the_token_raw_and_New_Api_User()
    {
        FakeHandler handler = Ok();
        using JuheClient client = Create(handler);

        await client.SendAsync(Get("/api/user/self", JuheAuthStyle.SystemAccessToken), HttpTestJson.Default.Reply);

        RecordedRequest sent = handler.Requests[0];
        Assert.Equal(AccessToken, sent.Header("Authorization"));
        Assert.Equal("42", sent.Header("New-Api-User"));
    }

    [Fact]
    public async Task No_auth_sends_no_credentials()
    {
        FakeHandler handler = Ok();
        using JuheClient client = Create(handler);

        await client.SendAsync(Get("/api/pricing", JuheAuthStyle.None), HttpTestJson.Default.Reply);

        RecordedRequest sent = handler.Requests[0];
        Assert.Null(sent.Header("Authorization"));
        Assert.Null(sent.Header("x-api-key"));
        Assert.Null(sent.Header("x-goog-api-key"));
        Assert.Null(sent.Header("New-Api-User"));
    }

    [Fact]
    public async Task A_missing_key_is_a_clear_error_naming_the_option_and_nothing_is_sent()
    {
        FakeHandler handler = Ok();
        using var client = new JuheClient(new JuheClientOptions { BaseUrl = BaseUrl, HttpClient = new HttpClient(handler) });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(Get("/v1/models"), HttpTestJson.Default.Reply));

        Assert.Contains("JuheClientOptions.ApiKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("/v1/models", e.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_management_route_without_user_id_names_both_options()
    {
        FakeHandler handler = Ok();
        using var client = new JuheClient(new JuheClientOptions { BaseUrl = BaseUrl, SystemAccessToken = "t", HttpClient = new HttpClient(handler) });

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(Get("/api/user/self", JuheAuthStyle.SystemAccessToken), HttpTestJson.Default.Reply));

        Assert.Contains("JuheClientOptions.UserId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_without_leading_slash_is_rejected()
    {
        using JuheClient client = Create(Ok());

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(Get("v1/models"), HttpTestJson.Default.Reply));

        Assert.Contains("must start with '/'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://gateway.example.com", "BaseUrl")]
    public void Options_that_cannot_work_are_rejected_naming_the_option(string url, string option)
    {
        var e = Assert.Throws<ArgumentException>(() => new JuheClient(new JuheClientOptions { BaseUrl = new Uri(url) }));

        Assert.Contains(option, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_retries_and_zero_timeouts_are_rejected_naming_the_option()
    {
        Assert.Contains("MaxRetries", Assert.Throws<ArgumentException>(() => new JuheClient(new JuheClientOptions { BaseUrl = BaseUrl, MaxRetries = -1 })).Message, StringComparison.Ordinal);
        Assert.Contains("StreamIdleTimeout", Assert.Throws<ArgumentException>(() => new JuheClient(new JuheClientOptions { BaseUrl = BaseUrl, StreamIdleTimeout = TimeSpan.Zero })).Message, StringComparison.Ordinal);
        Assert.Contains("Timeout", Assert.Throws<ArgumentException>(() => new JuheClient(new JuheClientOptions { BaseUrl = BaseUrl, Timeout = TimeSpan.FromSeconds(-5) })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_and_client_ToString_never_show_the_key_or_the_access_token()
    {
        var options = new JuheClientOptions { BaseUrl = BaseUrl, ApiKey = ApiKey, SystemAccessToken = AccessToken, UserId = 7 };
        using var client = new JuheClient(options);

        foreach (string text in new[] { options.ToString(), client.ToString() })
        {
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ApiKey[3..], text, StringComparison.Ordinal);
            Assert.DoesNotContain(AccessToken, text, StringComparison.Ordinal);
            Assert.Contains("gateway.example.com", text, StringComparison.Ordinal);
            Assert.Contains("(set, hidden)", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_caller_owned_HttpClient_is_not_disposed_with_the_client()
    {
        FakeHandler handler = Ok();
        using var http = new HttpClient(handler);
        var client = new JuheClient(new JuheClientOptions { BaseUrl = BaseUrl, ApiKey = ApiKey, HttpClient = http });

        client.Dispose();

        using HttpResponseMessage stillWorks = await http.GetAsync(new Uri("https://gateway.example.com/ping"));
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task A_2xx_HTML_page_where_JSON_was_expected_is_an_error_saying_it_was_HTML()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Text(HttpStatusCode.OK, "<html><head><title>New API</title></head></html>", "text/html"));
        using JuheClient client = Create(handler);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendAsync(Get("/v1/models"), HttpTestJson.Default.Reply));

        Assert.Contains("HTML page", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"New API\"", e.Message, StringComparison.Ordinal);
    }
}
