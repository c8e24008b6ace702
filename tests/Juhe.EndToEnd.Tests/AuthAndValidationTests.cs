using System.Net;
using System.Text;
using System.Text.Json;
using Juhe.Gateway;
using Juhe.Http;

namespace Juhe.EndToEnd.Tests;

/// <summary>Credentials checked and bodies validated as new-api does, in its envelopes.</summary>
public sealed class AuthAndValidationTests
{
    [Fact]
    public async Task Any_non_empty_key_is_accepted_by_default()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, configure: o => new JuheClientOptions { BaseUrl = o.BaseUrl, ApiKey = "sk-whatever-you-like", HttpClient = o.HttpClient });

        Assert.NotEmpty((await client.Models.ListAsync()).Data);
    }

    [Fact]
    public async Task A_missing_key_is_a_401_in_new_api_words()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();

        (HttpStatusCode status, JsonElement error) = await PostAsync(gateway, "/v1/chat/completions", "{}", authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.StartsWith("未提供令牌", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("new_api_error", error.GetProperty("error").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Basic c2stYWJj")]
    public async Task A_malformed_authorization_is_refused(string authorization)
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();

        (HttpStatusCode status, JsonElement error) = await PostAsync(gateway, "/v1/chat/completions", "{}", authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Matches("^(未提供令牌|无效的令牌)", error.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_configured_key_list_refuses_other_keys_without_repeating_them_and_without_retrying()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { ApiKeys = ["sk-the-right-one"] });
        using JuheClient client = Gateways.ClientFor(gateway, configure: o => new JuheClientOptions { BaseUrl = o.BaseUrl, ApiKey = "sk-a-wrong-key", HttpClient = o.HttpClient, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Chat.CreateAsync(Requests.Chat()));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Contains("无效的令牌", e.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-key", e.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
        Assert.Equal("sk-the-right-one", gateway.ApiKey);
    }

    [Fact]
    public async Task The_configured_key_is_accepted_with_or_without_its_sk_prefix()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { ApiKeys = ["sk-the-right-one"] });

        (HttpStatusCode withPrefix, _) = await GetAsync(gateway, "/v1/models", "Bearer sk-the-right-one");
        (HttpStatusCode withoutPrefix, _) = await GetAsync(gateway, "/v1/models", "Bearer the-right-one");

        Assert.Equal(HttpStatusCode.OK, withPrefix);
        Assert.Equal(HttpStatusCode.OK, withoutPrefix);
    }

    [Fact]
    public async Task A_missing_required_member_is_a_400_naming_it()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();

        (HttpStatusCode status, JsonElement body) = await PostAsync(gateway, "/v1/chat/completions", """{"model":"gpt-4o","messages":[{"content":"hi"}]}""", "Bearer sk-x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("messages[0].role", body.GetProperty("error").GetProperty("param").GetString());
        Assert.Contains("messages[0].role is required", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"gpt-4o","messages":"hi"}""", "messages", "must be an array, not a string")]
    [InlineData("""{"model":"gpt-4o","messages":[],"temperature":"hot"}""", "temperature", "must be a number, not a string")]
    [InlineData("""{"model":"gpt-4o","messages":[],"max_tokens":1.5}""", "max_tokens", "must be an integer")]
    [InlineData("""{"model":"gpt-4o","messages":[{"role":"user","content":42}]}""", "messages[0].content", "must be a string or array or null")]
    public async Task A_member_of_the_wrong_type_is_a_400_naming_it(string body, string field, string complaint)
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();

        (HttpStatusCode status, JsonElement error) = await PostAsync(gateway, "/v1/chat/completions", body, "Bearer sk-x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, error.GetProperty("error").GetProperty("param").GetString());
        Assert.Contains(complaint, error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enums_are_open_as_on_the_real_gateway()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();

        (HttpStatusCode status, _) = await PostAsync(gateway, "/v1/chat/completions", """{"model":"gpt-4o","messages":[{"role":"narrator","content":"hi"}],"reasoning_effort":"maximal"}""", "Bearer sk-x");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();

        (HttpStatusCode status, JsonElement error) = await PostAsync(gateway, "/v1/embeddings", "{\"model\":", "Bearer sk-x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad_request_body", error.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_path_is_new_api_s_invalid_url_404()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();

        (HttpStatusCode status, JsonElement error) = await GetAsync(gateway, "/v1/files", "Bearer sk-x");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.StartsWith("Invalid URL (GET /v1/files)", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id_header()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.BaseUrl, "/v1/models"));
        request.Headers.Authorization = new("Bearer", "sk-x");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.True(response.Headers.Contains("X-Oneapi-Request-Id"));
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_by_name()
    {
        ArgumentException badFault = Assert.Throws<ArgumentException>(() => JuheGateway.StartAsync(new JuheGatewayOptions { FailFirstCalls = 1, FailFirstCallsWith = "boom" }).GetAwaiter().GetResult());
        ArgumentException badUrl = Assert.Throws<ArgumentException>(() => JuheGateway.StartAsync(new JuheGatewayOptions { Url = "ftp://x" }).GetAwaiter().GetResult());

        Assert.Contains("FailFirstCallsWith", badFault.Message, StringComparison.Ordinal);
        Assert.Contains("JuheGatewayOptions.Url", badUrl.Message, StringComparison.Ordinal);
    }

    private static Task<(HttpStatusCode, JsonElement)> PostAsync(JuheGateway gateway, string path, string body, string? authorization) =>
        SendAsync(gateway, HttpMethod.Post, path, body, authorization);

    private static Task<(HttpStatusCode, JsonElement)> GetAsync(JuheGateway gateway, string path, string? authorization) =>
        SendAsync(gateway, HttpMethod.Get, path, null, authorization);

    private static async Task<(HttpStatusCode, JsonElement)> SendAsync(JuheGateway gateway, HttpMethod method, string path, string? body, string? authorization)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(gateway.BaseUrl, path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, document.RootElement.Clone());
    }
}
