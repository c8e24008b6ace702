namespace Juhe.Gateway;

/// <summary>
/// The faults a call can ask the gateway for, to rehearse them: send the name in an
/// <c>X-Juhe-Fault</c> request header or a <c>juhe_fault</c> query parameter
/// (<c>X-Juhe-Fault: stall=250</c>), or configure <see cref="JuheGatewayOptions.FailFirstCalls"/>.
/// Names that take an argument accept <c>name=value</c>.
/// </summary>
public static class JuheGatewayFaults
{
    /// <summary><c>429</c>: HTTP 429 in the family's error envelope, without <c>Retry-After</c>.</summary>
    public const string RateLimited = "429";

    /// <summary>
    /// <c>429-retry-after[=seconds]</c>: HTTP 429 with <c>Retry-After</c> (1 second unless given) and the
    /// family's error envelope.
    /// </summary>
    public const string RateLimitedWithRetryAfter = "429-retry-after";

    /// <summary><c>429-bare</c>: HTTP 429 with no body at all, as new-api's rate limiter answers.</summary>
    public const string RateLimitedBare = "429-bare";

    /// <summary><c>500</c>: HTTP 500 with <c>do_request_failed</c> in the family's envelope.</summary>
    public const string InternalError = "500";

    /// <summary><c>502</c>: HTTP 502 with <c>bad_response_status_code</c> in the family's envelope.</summary>
    public const string BadGateway = "502";

    /// <summary><c>503</c>: HTTP 503, no channel available (<c>model_not_found</c>), in the family's envelope.</summary>
    public const string Unavailable = "503";

    /// <summary><c>html</c>: HTTP 502 with an nginx-style HTML page, as a proxy in front of the gateway answers.</summary>
    public const string HtmlErrorPage = "html";

    /// <summary><c>error-200</c>: HTTP 200 whose body is the family's error envelope (new-api answers "quota exhausted" so).</summary>
    public const string ErrorWithSuccessStatus = "error-200";

    /// <summary><c>malformed-json</c>: a 200 JSON answer cut off mid-member; in a stream, one chunk that is not valid JSON.</summary>
    public const string MalformedJson = "malformed-json";

    /// <summary><c>slow-first-byte[=ms]</c>: waits (2,000 ms unless given) before the response begins, then answers normally.</summary>
    public const string SlowFirstByte = "slow-first-byte";

    /// <summary><c>drop</c>: closes the connection halfway through the stream (or the JSON body) without ending it.</summary>
    public const string DropConnection = "drop";

    /// <summary>
    /// <c>error-event</c>: halfway through a stream, the family's error event (a <c>data: {"error":…}</c> chunk,
    /// Claude's and Responses' <c>event: error</c>, Gemini's error chunk), then the stream ends.
    /// </summary>
    public const string ErrorEvent = "error-event";

    /// <summary>
    /// <c>relay-stream-error</c>: halfway through a chat or completions stream, new-api's
    /// <c>relay_stream_error</c> chunk (<c>"id":"relay-error-timeout"</c>, empty choices, an <c>error</c> member), then <c>[DONE]</c>.
    /// </summary>
    public const string RelayStreamError = "relay-stream-error";

    /// <summary><c>stall[=ms]</c>: halfway through a stream, sends nothing for a while (10,000 ms unless given), then goes on.</summary>
    public const string Stall = "stall";

    /// <summary><c>oversized-event[=bytes]</c>: halfway through a stream, one event of this many bytes (17 MiB unless given), then goes on.</summary>
    public const string OversizedEvent = "oversized-event";
}
