using System.Net;
using System.Text;

namespace Juhe.Http;

/// <summary>
/// The gateway (or something in front of it) answered with an error: a non-success status, an
/// error envelope in a success response, or an error that arrived in the middle of a stream.
/// The API key never appears in its message or <see cref="Exception.ToString"/>.
/// </summary>
public sealed class JuheApiException : Exception
{
    /// <summary>The most body text kept in <see cref="BodyExcerpt"/>.</summary>
    public const int MaxBodyExcerptLength = 1024;

    /// <summary>Creates the exception from what the gateway said.</summary>
    /// <param name="statusCode">The HTTP status; for an error inside a 200 stream, 200.</param>
    /// <param name="errorMessage">The gateway's own message, when it sent one.</param>
    /// <param name="errorType">The gateway's error type (<c>new_api_error</c>, <c>upstream_error</c>…), when it sent one.</param>
    /// <param name="errorCode">The gateway's error code, as text, when it sent one.</param>
    /// <param name="requestId">The <c>X-Oneapi-Request-Id</c> of the response, when present.</param>
    /// <param name="body">The body text received; only its first <see cref="MaxBodyExcerptLength"/> characters are kept.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public JuheApiException(
        HttpStatusCode statusCode,
        string? errorMessage,
        string? errorType = null,
        string? errorCode = null,
        string? requestId = null,
        string? body = null,
        Exception? innerException = null)
        : base(Describe(statusCode, errorMessage, errorType, errorCode, requestId), innerException)
    {
        StatusCode = statusCode;
        ErrorMessage = errorMessage;
        ErrorType = errorType;
        ErrorCode = errorCode;
        RequestId = requestId;
        BodyExcerpt = body is null || body.Length <= MaxBodyExcerptLength ? body : body[..MaxBodyExcerptLength] + "…";
    }

    /// <summary>Creates the exception with a message only (status 0).</summary>
    public JuheApiException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (status 0).</summary>
    public JuheApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (status 0).</summary>
    public JuheApiException()
    {
    }

    /// <summary>The HTTP status of the response; 200 for an error that arrived inside a stream.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The gateway's error message (<c>error.message</c>, <c>description</c>, <c>message</c>), when it sent one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The gateway's error type (<c>error.type</c>), when it sent one.</summary>
    public string? ErrorType { get; }

    /// <summary>The gateway's error code as text (<c>error.code</c>, Midjourney's numeric <c>code</c>…), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The request id from the <c>X-Oneapi-Request-Id</c> header, when present.</summary>
    public string? RequestId { get; }

    /// <summary>The first <see cref="MaxBodyExcerptLength"/> characters of the body, for diagnosis.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>Whether retrying the same request may succeed (429 and 5xx other than 501).</summary>
    public bool IsTransient => StatusCode == HttpStatusCode.TooManyRequests
        || ((int)StatusCode >= 500 && StatusCode != HttpStatusCode.NotImplemented && ErrorCode != "model_price_error");

    private static string Describe(HttpStatusCode status, string? message, string? type, string? code, string? requestId)
    {
        var text = new StringBuilder();
        text.Append("The gateway answered ").Append((int)status);
        if (Enum.IsDefined(status))
        {
            text.Append(" (").Append(status).Append(')');
        }

        text.Append(": ").Append(string.IsNullOrEmpty(message) ? "no error message was given" : message);
        if (!string.IsNullOrEmpty(type))
        {
            text.Append(" [type: ").Append(type).Append(']');
        }

        if (!string.IsNullOrEmpty(code))
        {
            text.Append(" [code: ").Append(code).Append(']');
        }

        if (!string.IsNullOrEmpty(requestId) && message?.Contains(requestId, StringComparison.Ordinal) != true)
        {
            text.Append(" [request id: ").Append(requestId).Append(']');
        }

        return text.ToString();
    }
}
