using System.Globalization;
using System.Net;
using System.Text;
using Juhe.Sse;

namespace Juhe.Http;

/// <summary>
/// What a reader of a response body knows about the response: its status and request id, the
/// client's credentials and its stream options. Every exception raised while the body is read is
/// made here, so each one carries the status and request id and is masked with the credentials,
/// whichever decoder noticed the problem.
/// </summary>
internal sealed class ResponseContext
{
    /// <summary>The most bytes of a bad chunk quoted in a message.</summary>
    private const int MaxQuotedBytes = 200;

    private readonly string?[] _secrets;

    public ResponseContext(HttpStatusCode status, string? requestId, string?[] secrets, SseReaderOptions? streamOptions)
    {
        Status = status;
        RequestId = string.IsNullOrEmpty(requestId) ? null : requestId;
        _secrets = secrets;
        StreamOptions = streamOptions;
    }

    /// <summary>For a body that did not come from <see cref="JuheClient"/> (a file, a test stream): a 200 with no id and no known credentials.</summary>
    public static ResponseContext Detached { get; } = new(HttpStatusCode.OK, null, [], null);

    public HttpStatusCode Status { get; }

    public string? RequestId { get; }

    /// <summary>The framing options the client was configured with, for stream types made without options of their own.</summary>
    public SseReaderOptions? StreamOptions { get; }

    /// <summary>The context of a body that <see cref="JuheClient"/> opened, or <see cref="Detached"/>.</summary>
    public static ResponseContext Of(Stream stream) => stream is ResponseBodyStream body ? body.Context : Detached;

    /// <summary>An error the gateway reported in the body (an envelope, an error chunk or event).</summary>
    public JuheApiException GatewayError(ReadOnlySpan<byte> payload) =>
        JuheApiException.FromResponseBody(Status, payload, RequestId, bodyWasCut: false, _secrets);

    /// <summary>A failure the client detected, quoting the start of <paramref name="payload"/>.</summary>
    public JuheApiException Failure(JuheErrorKind kind, string message, ReadOnlySpan<byte> payload, Exception? inner = null)
    {
        string quoted = Encoding.UTF8.GetString(payload[..Math.Min(payload.Length, MaxQuotedBytes)]);
        return Failure(kind, payload.IsEmpty ? message : $"{message} It began: {quoted}", inner, excerpt: payload.IsEmpty ? null : Encoding.UTF8.GetString(payload[..Math.Min(payload.Length, JuheApiException.MaxBodyExcerptLength * 4)]));
    }

    /// <summary>
    /// What reading the body threw, as the documented exception: <see cref="InvalidDataException"/> from a
    /// corrupt compressed body is <see cref="JuheErrorKind.InvalidResponse"/>; any other I/O failure is the
    /// connection breaking, <see cref="JuheErrorKind.Transport"/>.
    /// </summary>
    /// <param name="e">The exception the read threw.</param>
    /// <param name="received">How many body bytes had arrived.</param>
    /// <param name="streamed">Whether the caller has been reading items as they came (they stay valid) rather than one whole answer (now incomplete).</param>
    public JuheApiException BodyReadFailure(Exception e, long received, bool streamed)
    {
        if (e is InvalidDataException)
        {
            return Failure(JuheErrorKind.InvalidResponse,
                string.Create(CultureInfo.InvariantCulture, $"The response body could not be decompressed after {received} byte(s): {e.Message}"), e);
        }

        string message = streamed
            ? string.Create(CultureInfo.InvariantCulture,
                $"The connection broke after {received} byte(s) of the response body had arrived: {e.Message} What was read before this remains valid; the call may succeed if made again.")
            : string.Create(CultureInfo.InvariantCulture,
                $"The connection broke after {received} byte(s) of the response body had arrived, so the answer is incomplete: {e.Message}");
        return Failure(JuheErrorKind.Transport, message, e);
    }

    /// <summary>A failure the client detected.</summary>
    public JuheApiException Failure(JuheErrorKind kind, string message, Exception? inner = null, string? excerpt = null)
    {
        string withId = RequestId is null ? message : $"{message} [request id: {RequestId}]";
        return new JuheApiException(kind, Status, withId, RequestId, excerpt, _secrets, inner);
    }
}
