using System.Globalization;

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

    /// <summary>
    /// The time limit for a whole non-streaming call, retries and reading the response included;
    /// for a streaming call, the limit until the stream's response headers arrive (after that,
    /// <see cref="StreamIdleTimeout"/> applies). When it elapses the call fails with a
    /// <see cref="TimeoutException"/>. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// Default 10 minutes. A caller-owned <see cref="HttpClient"/> applies its own
    /// <see cref="HttpClient.Timeout"/> to each attempt as well.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest wait for bytes on an open event stream before a read fails with a
    /// <see cref="TimeoutException"/>. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. Default 5 minutes.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest wait for a streaming answer to begin: for each attempt's response headers, and
    /// then for the stream's first byte. Long reasoning models can think for minutes before their
    /// first token on gateways that send nothing meanwhile: raise it for them.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none (then only <see cref="Timeout"/>
    /// bounds the headers and <see cref="StreamIdleTimeout"/> the first byte). Default 3 minutes.
    /// </summary>
    public TimeSpan StreamFirstByteTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The most bytes one server-sent event may carry in streams the client opens (see
    /// <see cref="Sse.SseReaderOptions.MaxEventSize"/>); a larger event fails the read with a
    /// <see cref="JuheApiException"/> instead of growing memory without bound.
    /// Default <see cref="Sse.SseReaderOptions.DefaultMaxEventSize"/> (16 MiB, room for a base64 image).
    /// </summary>
    public int MaxEventSize { get; init; } = Sse.SseReaderOptions.DefaultMaxEventSize;

    /// <summary>The initial read buffer of streams the client opens (see <see cref="Sse.SseReaderOptions.BufferSize"/>). Default 16 KiB.</summary>
    public int StreamBufferSize { get; init; } = Sse.SseReaderOptions.DefaultBufferSize;

    /// <summary>
    /// How many times a failed request is retried: on 429, on 5xx other than 501 and
    /// <c>model_price_error</c>, and on connection failures, always before a response has begun
    /// (a stream is never retried once it has started). 0 turns retries off. Default 2.
    /// </summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first backoff delay; each retry doubles it, with jitter, unless the gateway sends <c>Retry-After</c>. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait before a retry: backoff is capped at it, and when the gateway's
    /// <c>Retry-After</c> asks for longer, the error is raised at once instead of waiting. Default 1 minute.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock and timers used for backoff and timeouts (tests pass a fake one). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Describes the options with every credential masked: it says only whether a key or token is set.</summary>
    /// <returns>A one-line description safe to log.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"JuheClientOptions {{ BaseUrl = {BaseUrl}, ApiKey = {Masked(ApiKey)}, SystemAccessToken = {Masked(SystemAccessToken)}, UserId = {(UserId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "(not set)")}, " +
        $"Timeout = {Timeout}, StreamFirstByteTimeout = {StreamFirstByteTimeout}, StreamIdleTimeout = {StreamIdleTimeout}, MaxEventSize = {MaxEventSize}, MaxRetries = {MaxRetries}, RetryBaseDelay = {RetryBaseDelay}, MaxRetryDelay = {MaxRetryDelay}, " +
        $"HttpClient = {(HttpClient is null ? "owned" : "caller-owned")} }}");

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that cannot work.</summary>
    internal void Validate(string paramName)
    {
        if (BaseUrl is null)
        {
            throw new ArgumentException("JuheClientOptions.BaseUrl is required (the gateway root, such as https://gateway.example.com).", paramName);
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"JuheClientOptions.BaseUrl must be an absolute http or https URL; it is '{BaseUrl}'.", paramName);
        }

        RequireDuration(Timeout, nameof(Timeout), paramName);
        RequireDuration(StreamIdleTimeout, nameof(StreamIdleTimeout), paramName);
        RequireDuration(StreamFirstByteTimeout, nameof(StreamFirstByteTimeout), paramName);
        if (MaxEventSize < 1 || StreamBufferSize < 16)
        {
            throw new ArgumentException($"JuheClientOptions.MaxEventSize must be positive and StreamBufferSize at least 16; they are {MaxEventSize} and {StreamBufferSize}.", paramName);
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentException($"JuheClientOptions.MaxRetries must be 0 or more; it is {MaxRetries}.", paramName);
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"JuheClientOptions.RetryBaseDelay and MaxRetryDelay must not be negative; they are {RetryBaseDelay} and {MaxRetryDelay}.", paramName);
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("JuheClientOptions.TimeProvider must not be null (use TimeProvider.System).", paramName);
        }
    }

    private static void RequireDuration(TimeSpan value, string name, string paramName)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"JuheClientOptions.{name} must be positive or Timeout.InfiniteTimeSpan; it is {value}.", paramName);
        }
    }

    private static string Masked(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set, hidden)";
}
