using System.Diagnostics;
using System.Net;
using Juhe.Gateway;
using Juhe.Http;
using Juhe.Streaming;

namespace Juhe.EndToEnd.Tests;

/// <summary>
/// Every fault the gateway can be asked for, seen through JuheClient: the documented exception,
/// retries exactly where they belong (429 and 5xx before an answer begins, honouring Retry-After),
/// and never a retry once a stream has started. Retries are counted on the gateway's side.
/// </summary>
public sealed class FaultTests
{
    private const int MaxRetries = 2;

    [Theory]
    [InlineData(JuheGatewayFaults.RateLimited, HttpStatusCode.TooManyRequests)]
    [InlineData(JuheGatewayFaults.RateLimitedBare, HttpStatusCode.TooManyRequests)]
    [InlineData(JuheGatewayFaults.InternalError, HttpStatusCode.InternalServerError)]
    [InlineData(JuheGatewayFaults.BadGateway, HttpStatusCode.BadGateway)]
    [InlineData(JuheGatewayFaults.Unavailable, HttpStatusCode.ServiceUnavailable)]
    [InlineData(JuheGatewayFaults.HtmlErrorPage, HttpStatusCode.BadGateway)]
    public async Task A_transient_status_is_retried_up_to_MaxRetries_then_raised(string fault, HttpStatusCode status)
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(fault), o => With(o, maxRetries: MaxRetries));

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Chat.CreateAsync(Requests.Chat()));

        Assert.Equal(JuheErrorKind.Gateway, e.Kind);
        Assert.Equal(status, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Equal(MaxRetries + 1, gateway.CallsTo("createChatCompletion"));
    }

    [Fact]
    public async Task A_transient_status_before_a_stream_starts_is_retried_too()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { FailFirstCalls = 2, FailFirstCallsWith = JuheGatewayFaults.BadGateway });
        using JuheClient client = Gateways.ClientFor(gateway, configure: o => With(o, maxRetries: MaxRetries));

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat());

        Assert.Equal(Requests.AnswerFor("gpt-4o"), await StreamTests.ReadAllAsync(chat));
        Assert.Equal([502, 502, 200], gateway.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task The_gateway_envelope_of_a_5xx_reaches_the_exception_with_the_request_id()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(JuheGatewayFaults.Unavailable), o => With(o, maxRetries: 0));

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Chat.CreateAsync(Requests.Chat()));

        Assert.Equal("model_not_found", e.ErrorCode);
        Assert.Equal("new_api_error", e.ErrorType);
        Assert.NotNull(e.RequestId);
        Assert.StartsWith("2024122400264", e.RequestId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_After_is_honoured_instead_of_the_backoff()
    {
        // The backoff alone would wait 30 s; the gateway's Retry-After: 1 makes it one second.
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { FailFirstCalls = 1, FailFirstCallsWith = JuheGatewayFaults.RateLimitedWithRetryAfter });
        using JuheClient client = Gateways.ClientFor(gateway, configure: o => With(o, maxRetries: 1, baseDelay: TimeSpan.FromSeconds(30), maxDelay: TimeSpan.FromMinutes(1)));
        var clock = Stopwatch.StartNew();

        await client.Chat.CreateAsync(Requests.Chat());

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
        Assert.Equal([429, 200], gateway.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryDelay_is_raised_at_once()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(JuheGatewayFaults.RateLimitedWithRetryAfter + "=120"), o => With(o, maxRetries: MaxRetries, maxDelay: TimeSpan.FromSeconds(1)));

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Chat.CreateAsync(Requests.Chat()));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
    }

    [Fact]
    public async Task An_error_envelope_with_status_200_is_a_gateway_error_and_not_retried()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(JuheGatewayFaults.ErrorWithSuccessStatus), o => With(o, maxRetries: MaxRetries));

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Chat.CreateAsync(Requests.Chat()));

        Assert.Equal(JuheErrorKind.Gateway, e.Kind);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("insufficient_user_quota", e.ErrorCode);
        Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
    }

    [Fact]
    public async Task Malformed_json_in_a_success_answer_is_an_invalid_response()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(JuheGatewayFaults.MalformedJson), o => With(o, maxRetries: MaxRetries));

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Chat.CreateAsync(Requests.Chat()));

        Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
        Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
    }

    [Fact]
    public async Task A_malformed_chunk_mid_stream_is_an_invalid_response_after_the_earlier_chunks()
    {
        (JuheApiException e, int chunks, JuheGateway gateway) = await StreamUntilFailure(JuheGatewayFaults.MalformedJson);
        await using (gateway)
        {
            Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
            Assert.True(chunks > 0);
            Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
        }
    }

    [Fact]
    public async Task A_connection_dropped_mid_stream_is_a_transport_failure_and_never_retried()
    {
        (JuheApiException e, int chunks, JuheGateway gateway) = await StreamUntilFailure(JuheGatewayFaults.DropConnection);
        await using (gateway)
        {
            Assert.True(e.Kind is JuheErrorKind.Transport or JuheErrorKind.Truncated, $"Kind was {e.Kind}");
            Assert.True(chunks > 0);
            Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
        }
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_is_a_transport_failure()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(JuheGatewayFaults.DropConnection), o => With(o, maxRetries: 0));

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Chat.CreateAsync(Requests.Chat()));

        Assert.Equal(JuheErrorKind.Transport, e.Kind);
    }

    [Fact]
    public async Task An_error_event_mid_stream_is_a_gateway_error_with_its_words_and_never_retried()
    {
        (JuheApiException e, int chunks, JuheGateway gateway) = await StreamUntilFailure(JuheGatewayFaults.ErrorEvent);
        await using (gateway)
        {
            Assert.Equal(JuheErrorKind.Gateway, e.Kind);
            Assert.Equal("bad_response", e.ErrorCode);
            Assert.True(chunks > 0);
            Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
        }
    }

    [Fact]
    public async Task New_api_relay_stream_error_chunk_is_a_gateway_error()
    {
        (JuheApiException e, int chunks, JuheGateway gateway) = await StreamUntilFailure(JuheGatewayFaults.RelayStreamError);
        await using (gateway)
        {
            Assert.Equal(JuheErrorKind.Gateway, e.Kind);
            Assert.Equal("relay_stream_error", e.ErrorType);
            Assert.Equal("upstream_stream_failure_timeout", e.ErrorCode);
            Assert.True(chunks > 0);
            Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
        }
    }

    [Fact]
    public async Task An_event_over_MaxEventSize_is_an_invalid_response()
    {
        (JuheApiException e, _, JuheGateway gateway) = await StreamUntilFailure(JuheGatewayFaults.OversizedEvent + "=70000", o => new JuheClientOptions
        {
            BaseUrl = o.BaseUrl, ApiKey = o.ApiKey, HttpClient = o.HttpClient, MaxEventSize = 64 * 1024, MaxRetries = MaxRetries,
        });
        await using (gateway)
        {
            Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
            Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
        }
    }

    [Fact]
    public async Task A_stall_mid_stream_trips_the_idle_timeout()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(JuheGatewayFaults.Stall + "=3000"), o => new JuheClientOptions
        {
            BaseUrl = o.BaseUrl, ApiKey = o.ApiKey, HttpClient = o.HttpClient, StreamIdleTimeout = TimeSpan.FromMilliseconds(250),
        });

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat());

        await Assert.ThrowsAsync<TimeoutException>(() => StreamTests.ReadAllAsync(chat));
        Assert.Equal(1, gateway.CallsTo("createChatCompletion"));
    }

    [Fact]
    public async Task A_short_stall_is_survived_with_the_whole_answer()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(JuheGatewayFaults.Stall + "=100"));

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat());

        Assert.Equal(Requests.AnswerFor("gpt-4o"), await StreamTests.ReadAllAsync(chat));
    }

    [Fact]
    public async Task A_slow_first_byte_trips_the_first_byte_timeout()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(JuheGatewayFaults.SlowFirstByte + "=3000"), o => new JuheClientOptions
        {
            BaseUrl = o.BaseUrl, ApiKey = o.ApiKey, HttpClient = o.HttpClient, StreamFirstByteTimeout = TimeSpan.FromMilliseconds(250), MaxRetries = 0,
        });

        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat());
            await StreamTests.ReadAllAsync(chat);
        });
    }

    [Fact]
    public async Task A_fault_can_be_asked_for_in_the_query_string()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.BaseUrl, "/v1/models?juhe_fault=503"));
        request.Headers.Authorization = new("Bearer", gateway.ApiKey);

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_fault_name_is_a_400_that_lists_the_known_ones()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault("teapot"));

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Models.ListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("'teapot' is not a fault", e.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(JuheGatewayFaults.RelayStreamError, e.ErrorMessage, StringComparison.Ordinal);
    }

    private static async Task<(JuheApiException Error, int Chunks, JuheGateway Gateway)> StreamUntilFailure(string fault, Func<JuheClientOptions, JuheClientOptions>? configure = null)
    {
        JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway, Fault(fault), configure ?? (o => With(o, maxRetries: MaxRetries)));
        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat());
        int chunks = 0;
        JuheApiException error = await Assert.ThrowsAsync<JuheApiException>(async () =>
        {
            while (await chat.MoveNextAsync())
            {
                chunks++;
            }
        });
        return (error, chunks, gateway);
    }

    private static HeaderInjector Fault(string name) => new() { Headers = { ["X-Juhe-Fault"] = name } };

    private static JuheClientOptions With(JuheClientOptions o, int maxRetries, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null) => new()
    {
        BaseUrl = o.BaseUrl,
        ApiKey = o.ApiKey,
        HttpClient = o.HttpClient,
        MaxRetries = maxRetries,
        RetryBaseDelay = baseDelay ?? o.RetryBaseDelay,
        MaxRetryDelay = maxDelay ?? o.MaxRetryDelay,
    };
}
