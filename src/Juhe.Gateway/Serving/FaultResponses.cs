using System.Text;
using Juhe.Gateway.Catalog;
using Juhe.Gateway.Faults;
using Microsoft.AspNetCore.Http;

namespace Juhe.Gateway.Serving;

/// <summary>The faults that replace the whole answer: error statuses, an HTML page, a 2xx error, cut-off JSON.</summary>
internal static class FaultResponses
{
    private const string HtmlPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /// <summary>Answers the call with <paramref name="fault"/> when it replaces the answer; <see langword="false"/> for faults that happen later.</summary>
    public static async Task<bool> TryAnswerAsync(HttpContext http, Fault fault, ErrorStyle style, string requestId, CancellationToken cancellationToken)
    {
        HttpResponse response = http.Response;
        switch (fault.Kind)
        {
            case FaultKind.RateLimited:
                await GatewayDispatcher.WriteErrorAsync(http, RateLimit(), style, requestId, cancellationToken).ConfigureAwait(false);
                return true;
            case FaultKind.RateLimitedWithRetryAfter:
                response.Headers.RetryAfter = (fault.Argument ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await GatewayDispatcher.WriteErrorAsync(http, RateLimit(), style, requestId, cancellationToken).ConfigureAwait(false);
                return true;
            case FaultKind.RateLimitedBare:
                response.StatusCode = 429;
                response.ContentLength = 0;
                return true;
            case FaultKind.InternalError:
                await GatewayDispatcher.WriteErrorAsync(http, new ErrorReply(500, "do request failed: upstream connection reset", "new_api_error", "do_request_failed"), style, requestId, cancellationToken).ConfigureAwait(false);
                return true;
            case FaultKind.BadGateway:
                await GatewayDispatcher.WriteErrorAsync(http, new ErrorReply(502, "bad response status code 502", "upstream_error", "bad_response_status_code"), style, requestId, cancellationToken).ConfigureAwait(false);
                return true;
            case FaultKind.Unavailable:
                await GatewayDispatcher.WriteErrorAsync(http, new ErrorReply(503, "当前分组 default 下对于模型 gpt-4o 无可用渠道", "new_api_error", "model_not_found"), style, requestId, cancellationToken).ConfigureAwait(false);
                return true;
            case FaultKind.HtmlErrorPage:
                byte[] page = Encoding.UTF8.GetBytes(HtmlPage);
                response.StatusCode = 502;
                response.ContentType = "text/html";
                response.ContentLength = page.Length;
                await response.Body.WriteAsync(page, cancellationToken).ConfigureAwait(false);
                return true;
            case FaultKind.ErrorEnvelopeWithSuccessStatus:
                var quota = new ErrorReply(200, "该令牌额度已用尽 TokenStatusExhausted", "new_api_error", "insufficient_user_quota");
                await GatewayDispatcher.WriteErrorAsync(http, quota, style, requestId, cancellationToken).ConfigureAwait(false);
                return true;
            case FaultKind.MalformedJson when !IsStreamRequest(http):
                byte[] cut = "{\"id\":\"chatcmpl-cut\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assis"u8.ToArray();
                response.StatusCode = 200;
                response.ContentType = "application/json";
                await response.Body.WriteAsync(cut, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private static ErrorReply RateLimit() =>
        new(429, "当前分组上游负载已饱和，请稍后再试", "new_api_error", "rate_limit_exceeded");

    // A malformed-json fault on a stream request breaks one chunk instead of the whole answer.
    private static bool IsStreamRequest(HttpContext http) =>
        http.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);
}
