namespace Juhe.Http;

/// <summary>Where the gateway is and how to talk to it.</summary>
public sealed class JuheClientOptions
{
    /// <summary>The gateway's root (scheme and host, no <c>/v1</c>): every path is built from it.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The relay key (<c>sk-…</c>) sent as Bearer, <c>x-api-key</c> or <c>x-goog-api-key</c> as each route wants.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The system access token for the management <c>/api/*</c> routes.</summary>
    public string? SystemAccessToken { get; init; }

    /// <summary>The numeric user id sent as <c>New-Api-User</c> with <see cref="SystemAccessToken"/>.</summary>
    public long? UserId { get; init; }

    /// <summary>The <c>anthropic-version</c> header sent with Claude-native requests. Default <c>2023-06-01</c>.</summary>
    public string AnthropicVersion { get; init; } = "2023-06-01";

    /// <summary>
    /// A caller-owned <see cref="HttpClient"/> to send through; the client never disposes it.
    /// When <see langword="null"/>, the client makes and owns one.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The whole-request time limit for a non-streaming call, retries included. Default 10 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest wait between two events of a stream before it is abandoned. Default 5 minutes.</summary>
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a failed request is retried (429, 5xx, connection failures, before any response). Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first backoff delay; each retry doubles it, with jitter, unless the gateway sends <c>Retry-After</c>. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
}
