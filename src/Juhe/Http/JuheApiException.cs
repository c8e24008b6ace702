using System.Net;
using System.Text;

namespace Juhe.Http;

/// <summary>
/// A call to the gateway failed: the gateway (or something in front of it) answered with an error
/// (a non-success status, an error envelope in a success response, an error in the middle of a
/// stream), the answer could not be read as documented, a stream ended early, or the connection
/// broke while the answer was read. <see cref="Kind"/> says which.
/// The API key never appears in its message, <see cref="BodyExcerpt"/> or <see cref="Exception.ToString"/>.
/// </summary>
public sealed class JuheApiException : Exception
{
    /// <summary>The most body text kept in <see cref="BodyExcerpt"/>.</summary>
    public const int MaxBodyExcerptLength = 1024;

    private const string RequestIdMarker = "(request id:";

    private readonly bool _transportTransient;

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
        : this(statusCode, new ErrorBody { Kind = ErrorBodyKind.Envelope, Message = errorMessage, Type = errorType, Code = errorCode },
            requestId, Excerpt(body), bodyWasCut: false, secrets: [], innerException)
    {
    }

    /// <summary>Creates the exception for a failure the client itself detected, with a finished message.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="statusCode">The status of the response being read.</param>
    /// <param name="message">The whole message; credentials in it are masked.</param>
    /// <param name="requestId">The response's request id, when known.</param>
    /// <param name="excerpt">What the body held around the failure, when useful; masked and bounded like <see cref="BodyExcerpt"/>.</param>
    /// <param name="secrets">The client's credentials, masked wherever they appear.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    /// <param name="transient">For <see cref="JuheErrorKind.Transport"/>: whether another attempt could help (a TLS failure cannot).</param>
    internal JuheApiException(
        JuheErrorKind kind, HttpStatusCode statusCode, string message, string? requestId, string? excerpt,
        ReadOnlySpan<string?> secrets, Exception? innerException, bool transient = true)
        : base(SecretRedactor.Redact(message, secrets), innerException)
    {
        Kind = kind;
        _transportTransient = transient;
        StatusCode = statusCode;
        RequestId = string.IsNullOrEmpty(requestId) ? null : requestId;
        BodyExcerpt = SecretRedactor.Redact(Excerpt(excerpt), secrets);
    }

    /// <summary>Creates the exception with a message only (status 0).</summary>
    public JuheApiException(string message) : base(SecretRedactor.Redact(message, []))
    {
    }

    /// <summary>Creates the exception with a message and a cause (status 0).</summary>
    public JuheApiException(string message, Exception innerException) : base(SecretRedactor.Redact(message, []), innerException)
    {
    }

    /// <summary>Creates the exception with no message (status 0).</summary>
    public JuheApiException()
    {
    }

    /// <summary>The same failure with a sentence added to the message (such as why it was not retried).</summary>
    internal JuheApiException(JuheApiException original, string note)
        : base(original.Message + " " + note, original.InnerException)
    {
        Kind = original.Kind;
        StatusCode = original.StatusCode;
        ErrorMessage = original.ErrorMessage;
        ErrorType = original.ErrorType;
        ErrorCode = original.ErrorCode;
        RequestId = original.RequestId;
        BodyExcerpt = original.BodyExcerpt;
        _transportTransient = original._transportTransient;
    }

    private JuheApiException(
        HttpStatusCode statusCode, ErrorBody parsed, string? requestId, string? excerpt, bool bodyWasCut,
        ReadOnlySpan<string?> secrets, Exception? innerException)
        : this(statusCode, Redacted(parsed, secrets), requestId ?? RequestIdFrom(parsed.Message),
            SecretRedactor.Redact(excerpt, secrets), bodyWasCut, innerException)
    {
    }

    private JuheApiException(
        HttpStatusCode statusCode, ErrorBody parsed, string? requestId, string? excerpt, bool bodyWasCut, Exception? innerException)
        : base(SecretRedactor.Redact(Describe(statusCode, parsed, requestId, excerpt, bodyWasCut), []), innerException)
    {
        Kind = JuheErrorKind.Gateway;
        StatusCode = statusCode;
        ErrorMessage = parsed.Kind == ErrorBodyKind.Envelope ? parsed.Message : null;
        ErrorType = parsed.Type;
        ErrorCode = parsed.Code;
        RequestId = requestId;
        BodyExcerpt = excerpt;
    }

    /// <summary>Who noticed the failure: the gateway reported it, the answer was unreadable, a stream was cut short, or the connection broke.</summary>
    public JuheErrorKind Kind { get; }

    /// <summary>The HTTP status of the response; for a failure inside a stream, the stream's status (200).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The gateway's error message (<c>error.message</c>, <c>description</c>, <c>message</c>), when it sent one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The gateway's error type (<c>error.type</c>, Gemini's <c>error.status</c>), when it sent one.</summary>
    public string? ErrorType { get; }

    /// <summary>The gateway's error code as text (<c>error.code</c>, Midjourney's numeric <c>code</c>…), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>
    /// The request id: the <c>X-Oneapi-Request-Id</c> header when present, otherwise the id at the
    /// end of a message that ends with <c>(request id: …)</c>.
    /// </summary>
    public string? RequestId { get; }

    /// <summary>The first <see cref="MaxBodyExcerptLength"/> characters of the body, for diagnosis, with credentials masked.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>
    /// Whether retrying the same request may succeed: 429, 5xx other than 501 and
    /// <c>model_price_error</c>, and a connection that broke while the answer was read.
    /// </summary>
    public bool IsTransient => Kind == JuheErrorKind.Transport ? _transportTransient
        : StatusCode == HttpStatusCode.TooManyRequests
        || ((int)StatusCode >= 500 && StatusCode != HttpStatusCode.NotImplemented && ErrorCode != "model_price_error");

    /// <summary>
    /// Reads whatever error the body holds (any envelope of the gateway family, an HTML page from a
    /// proxy, plain text, nothing, broken JSON) and returns the exception describing it. Never
    /// throws on bad input: what could not be understood is described in the message.
    /// </summary>
    /// <param name="statusCode">The HTTP status of the response; 200 for an error payload inside a stream.</param>
    /// <param name="body">The body bytes (UTF-8), or the payload of the stream event that carried the error.</param>
    /// <param name="requestId">The <c>X-Oneapi-Request-Id</c> header, when known; otherwise it is taken from the message.</param>
    /// <returns>The exception to throw.</returns>
    public static JuheApiException FromResponseBody(HttpStatusCode statusCode, ReadOnlySpan<byte> body, string? requestId) =>
        FromResponseBody(statusCode, body, requestId, bodyWasCut: false, secrets: []);

    /// <summary>
    /// As <see cref="FromResponseBody(HttpStatusCode, ReadOnlySpan{byte}, string?)"/>, masking the
    /// given credentials, and saying so when <paramref name="bodyWasCut"/> (only the first bytes of a
    /// larger body were read).
    /// </summary>
    internal static JuheApiException FromResponseBody(
        HttpStatusCode statusCode, ReadOnlySpan<byte> body, string? requestId, bool bodyWasCut, ReadOnlySpan<string?> secrets)
    {
        ErrorBody parsed;
        try
        {
            parsed = ErrorBody.Parse(body);
        }
#pragma warning disable CA1031 // The factory promises never to throw on bad input; a parser bug must not hide the gateway's error.
        catch (Exception)
#pragma warning restore CA1031
        {
            parsed = new ErrorBody { Kind = ErrorBodyKind.UnknownJson };
        }

        return new JuheApiException(statusCode, parsed, string.IsNullOrEmpty(requestId) ? null : requestId,
            Excerpt(body), bodyWasCut, secrets, innerException: null);
    }

    private static ErrorBody Redacted(ErrorBody parsed, ReadOnlySpan<string?> secrets) => parsed with
    {
        Message = SecretRedactor.Redact(parsed.Message, secrets),
        Type = SecretRedactor.Redact(parsed.Type, secrets),
        Code = SecretRedactor.Redact(parsed.Code, secrets),
    };

    private static string? Excerpt(string? body) =>
        body is null || body.Length <= MaxBodyExcerptLength ? body : body[..MaxBodyExcerptLength] + "…";

    private static string? Excerpt(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        // A UTF-8 character is at most 4 bytes: this many bytes always hold the excerpt.
        int take = Math.Min(body.Length, (MaxBodyExcerptLength * 4) + 4);
        string text = Encoding.UTF8.GetString(body[..take]);
        return text.Length <= MaxBodyExcerptLength && take == body.Length ? text : text[..Math.Min(text.Length, MaxBodyExcerptLength)] + "…";
    }

    /// <summary>new-api ends its messages with <c> (request id: 2025…)</c>.</summary>
    private static string? RequestIdFrom(string? message)
    {
        if (message is null)
        {
            return null;
        }

        ReadOnlySpan<char> text = message.AsSpan().TrimEnd();
        if (!text.EndsWith(')'))
        {
            return null;
        }

        int marker = text.LastIndexOf(RequestIdMarker, StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return null;
        }

        ReadOnlySpan<char> id = text[(marker + RequestIdMarker.Length)..^1].Trim();
        return id.IsEmpty ? null : id.ToString();
    }

    private static string Describe(HttpStatusCode status, ErrorBody parsed, string? requestId, string? excerpt, bool bodyWasCut)
    {
        var text = new StringBuilder();
        int code = (int)status;
        string name = Enum.IsDefined(status) ? $"{code} ({status})" : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        text.Append(code is >= 200 and < 300 ? $"The gateway reported an error inside a {name} response" : $"The gateway answered {name}");

        string cut = bodyWasCut ? " (only the start of a larger body was read)" : "";
        switch (parsed.Kind)
        {
            case ErrorBodyKind.Envelope:
                text.Append(": ").Append(string.IsNullOrEmpty(parsed.Message) ? "no error message was given" : parsed.Message);
                break;
            case ErrorBodyKind.Html:
                text.Append(" with an HTML page instead of a JSON error, probably from a proxy in front of the gateway");
                text.Append(parsed.Message is null ? " (the page has no title)" : $"; its title is \"{parsed.Message}\"");
                break;
            case ErrorBodyKind.Text:
                text.Append(" with plain text instead of a JSON error: ").Append(parsed.Message);
                break;
            case ErrorBodyKind.Empty:
                text.Append(" with an empty body");
                break;
            case ErrorBodyKind.MalformedJson:
                text.Append(" with a body that is not valid JSON (it breaks off or goes wrong at byte ")
                    .Append(parsed.ErrorOffset).Append(')').Append(cut).Append(": ").Append(Shorten(excerpt));
                cut = "";
                break;
            default:
                text.Append(" with JSON that is not a known error envelope").Append(cut).Append(": ").Append(Shorten(excerpt));
                cut = "";
                break;
        }

        if (!string.IsNullOrEmpty(parsed.Type))
        {
            text.Append(" [type: ").Append(parsed.Type).Append(']');
        }

        if (!string.IsNullOrEmpty(parsed.Code))
        {
            text.Append(" [code: ").Append(parsed.Code).Append(']');
        }

        if (!string.IsNullOrEmpty(requestId) && parsed.Message?.Contains(requestId, StringComparison.Ordinal) != true)
        {
            text.Append(" [request id: ").Append(requestId).Append(']');
        }

        return text.Append(cut).ToString();
    }

    private static string Shorten(string? excerpt)
    {
        const int max = 200;
        if (excerpt is null)
        {
            return "";
        }

        return excerpt.Length <= max ? excerpt : excerpt[..max] + "…";
    }
}
