using System.Text.Json.Serialization.Metadata;
using Juhe.Sse;

namespace Juhe.Http;

/// <summary>
/// The entry point: one gateway, one key. Family clients (<c>Chat</c>, <c>Embeddings</c>, <c>Models</c>…)
/// are generated from the schemas onto this partial class; the <c>Send…</c> and <c>Open…</c> methods
/// below are the low-level seam they (and clients generated from a user's own schemas) call.
/// </summary>
/// <remarks>
/// Every call goes through one pipeline: credentials for the route's auth style, retries of
/// transient failures before a response has begun (see <see cref="JuheClientOptions.MaxRetries"/>),
/// the deadline (<see cref="JuheClientOptions.Timeout"/>), and one error contract
/// (<see cref="JuheApiException"/>). What differs per operation is only the body (none, JSON,
/// multipart: <see cref="JuheBody"/>) and how the answer is read (JSON, text, binary, event stream).
/// </remarks>
public sealed partial class JuheClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _root;
    private readonly string?[] _secrets;
    private readonly SseReaderOptions _streamOptions;

    /// <summary>Creates a client for the gateway that <paramref name="options"/> describes.</summary>
    /// <param name="options">Where the gateway is, the credentials, and the retry and timeout policy.</param>
    /// <exception cref="ArgumentException">An option cannot work (the message names it).</exception>
    public JuheClient(JuheClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(nameof(options));
        Options = options;
        _root = options.BaseUrl.AbsoluteUri.TrimEnd('/');
        _secrets = [options.ApiKey, options.SystemAccessToken];
        _ownsHttp = options.HttpClient is null;
        _http = options.HttpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _streamOptions = new SseReaderOptions { MaxEventSize = options.MaxEventSize, BufferSize = options.StreamBufferSize };
    }

    /// <summary>The options the client was made with.</summary>
    public JuheClientOptions Options { get; }

    /// <summary>Sends a request without a body and reads a JSON response.</summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="request">The method, path, query, headers and auth style.</param>
    /// <param name="responseType">The serialization metadata of <typeparamref name="TResponse"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized response body.</returns>
    /// <exception cref="JuheApiException">
    /// The gateway answered with an error (after any retries), the answer is not the documented shape,
    /// or the connection failed (<see cref="JuheApiException.Kind"/> says which).
    /// </exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed.</exception>
    public Task<TResponse> SendAsync<TResponse>(JuheRequest request, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default) =>
        SendAsync(request, body: null, responseType, cancellationToken);

    /// <summary>Sends a request with a JSON body and reads a JSON response.</summary>
    /// <typeparam name="TRequest">The type of the request body.</typeparam>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="request">The method, path, query, headers and auth style.</param>
    /// <param name="body">The request body; serialized once, and the same bytes resent on retry.</param>
    /// <param name="requestType">The serialization metadata of <typeparamref name="TRequest"/>.</param>
    /// <param name="responseType">The serialization metadata of <typeparamref name="TResponse"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized response body.</returns>
    /// <exception cref="JuheApiException">
    /// The gateway answered with an error (after any retries), the answer is not the documented shape,
    /// or the connection failed (<see cref="JuheApiException.Kind"/> says which).
    /// </exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed.</exception>
    public Task<TResponse> SendAsync<TRequest, TResponse>(
        JuheRequest request, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default) =>
        SendAsync(request, JuheBody.Json(body, requestType), responseType, cancellationToken);

    /// <summary>Sends a request with any body (or none) and reads a JSON response, checked against <see cref="JuheRequest.SuccessRule"/>.</summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="request">The method, path, query, headers, auth style and success rule.</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <param name="responseType">The serialization metadata of <typeparamref name="TResponse"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized response body.</returns>
    /// <exception cref="JuheApiException">
    /// The gateway answered with an error (after any retries) or with a 2xx body that breaks the success
    /// rule, the answer is not the documented shape, or the connection failed.
    /// </exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed.</exception>
    public async Task<TResponse> SendAsync<TResponse>(JuheRequest request, JuheBody? body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        using Call call = StartCall(cancellationToken);
        try
        {
            using HttpContent? content = body?.CreateContent(request.StreamFlag, streaming: false);
            using HttpResponseMessage response = await SendWithRetriesAsync(request, body, content, streaming: false, call.Token).ConfigureAwait(false);
            if (IsMediaType(response, "text/html"))
            {
                // A web page where JSON was expected: usually a BaseUrl that points at the gateway's web UI or a proxy.
                throw await ReadErrorAsync(response, call.Token).ConfigureAwait(false);
            }

            ResponseContext context = ContextOf(response);
            using PooledBufferWriter bytes = await ReadBodyAsync(response, context, call.Token).ConfigureAwait(false);
            return ReadJson(bytes.WrittenSpan, responseType, request.SuccessRule, context);
        }
        catch (OperationCanceledException e) when (call.TimedOut)
        {
            throw TotalTimeout(e);
        }
    }

    /// <summary>Sends a request and reads the answer as text (such as a transcription in <c>srt</c>, <c>vtt</c> or <c>text</c> format).</summary>
    /// <param name="request">The method, path, query, headers and auth style.</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, decoded as UTF-8.</returns>
    /// <exception cref="JuheApiException">The gateway answered with an error (a JSON error envelope counts, whatever the status), or the connection failed.</exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed.</exception>
    public async Task<string> SendForTextAsync(JuheRequest request, JuheBody? body, CancellationToken cancellationToken = default)
    {
        using Call call = StartCall(cancellationToken);
        try
        {
            using HttpContent? content = body?.CreateContent(request.StreamFlag, streaming: false);
            using HttpResponseMessage response = await SendWithRetriesAsync(request, body, content, streaming: false, call.Token).ConfigureAwait(false);
            ResponseContext context = ContextOf(response);
            using PooledBufferWriter bytes = await ReadBodyAsync(response, context, call.Token).ConfigureAwait(false);
            if (IsMediaType(response, "application/json") && ErrorBody.IsErrorEnvelope(bytes.WrittenSpan))
            {
                throw context.GatewayError(bytes.WrittenSpan);
            }

            return System.Text.Encoding.UTF8.GetString(bytes.WrittenSpan);
        }
        catch (OperationCanceledException e) when (call.TimedOut)
        {
            throw TotalTimeout(e);
        }
    }

    /// <summary>
    /// Sends a request whose answer is a file (speech audio, a video's content) and returns it
    /// unread: the body streams from the socket as the caller reads or saves it, never buffered whole.
    /// </summary>
    /// <param name="request">The method, path, query, headers and auth style.</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait for the response headers.</param>
    /// <returns>The response; dispose it to release the connection.</returns>
    /// <exception cref="JuheApiException">The gateway answered with an error (a JSON or HTML body where a file was expected counts), or the connection failed.</exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed before the headers arrived.</exception>
    public async Task<JuheBinaryResponse> SendForBinaryAsync(JuheRequest request, JuheBody? body, CancellationToken cancellationToken = default)
    {
        using Call call = StartCall(cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            using HttpContent? content = body?.CreateContent(request.StreamFlag, streaming: false);
            response = await SendWithRetriesAsync(request, body, content, streaming: false, call.Token).ConfigureAwait(false);
            ResponseContext context = ContextOf(response);
            if (IsMediaType(response, "application/json") || IsMediaType(response, "text/html"))
            {
                // A gateway reports a failed generation with a JSON (or a proxy's HTML) body, even with 200.
                using PooledBufferWriter bytes = await ReadBodyAsync(response, context, call.Token).ConfigureAwait(false);
                throw ErrorBody.IsErrorEnvelope(bytes.WrittenSpan) || IsMediaType(response, "text/html")
                    ? context.GatewayError(bytes.WrittenSpan)
                    : context.Failure(JuheErrorKind.InvalidResponse, "A file was expected, but the answer is JSON.", bytes.WrittenSpan);
            }

            Stream stream = ContentDecoding.Decode(await response.Content.ReadAsStreamAsync(call.Token).ConfigureAwait(false), response.Content.Headers, context);
            var file = new JuheBinaryResponse(
                new ResponseBodyStream(stream, response, context, Options.StreamIdleTimeout, Options.StreamIdleTimeout, Options.TimeProvider),
                response, context.RequestId);
            response = null;
            return file;
        }
        catch (OperationCanceledException e) when (call.TimedOut)
        {
            throw TotalTimeout(e);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>
    /// Sends a request with a JSON body whose answer is an event stream, and returns the response
    /// body once the status says success. Disposing the stream releases the connection.
    /// </summary>
    /// <remarks>
    /// Retries happen only before the response headers of a successful response arrive; once the
    /// stream is returned nothing is ever resent. Each attempt waits at most
    /// <see cref="JuheClientOptions.StreamFirstByteTimeout"/> for the headers, and the first read as
    /// long for the first byte; later reads fail with a <see cref="TimeoutException"/> when no bytes
    /// arrive for <see cref="JuheClientOptions.StreamIdleTimeout"/>. A connection that breaks while the
    /// stream is read raises <see cref="JuheApiException"/> of kind <see cref="JuheErrorKind.Transport"/>.
    /// Stream decoders made over the returned stream (<c>ChatCompletionStream</c>…) take their framing
    /// limits from <see cref="JuheClientOptions.MaxEventSize"/> and raise their errors with this
    /// response's status and request id, masked with the client's credentials.
    /// </remarks>
    /// <typeparam name="TRequest">The type of the request body.</typeparam>
    /// <param name="request">The method, path, query, headers and auth style.</param>
    /// <param name="body">The request body.</param>
    /// <param name="requestType">The serialization metadata of <typeparamref name="TRequest"/>.</param>
    /// <param name="cancellationToken">Cancels opening the stream (reads take their own token).</param>
    /// <returns>The response body, to read as an event stream.</returns>
    /// <exception cref="JuheApiException">
    /// The gateway answered with an error, or with a JSON body instead of a stream (which is how it
    /// reports failures that happen before streaming starts).
    /// </exception>
    /// <exception cref="TimeoutException">
    /// <see cref="JuheClientOptions.Timeout"/> or <see cref="JuheClientOptions.StreamFirstByteTimeout"/> elapsed before the stream began.
    /// </exception>
    public Task<Stream> OpenStreamAsync<TRequest>(
        JuheRequest request, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken = default) =>
        OpenStreamAsync(request, JuheBody.Json(body, requestType), cancellationToken);

    /// <summary>As <see cref="OpenStreamAsync{TRequest}"/>, with any body (or none).</summary>
    /// <param name="request">The method, path, query, headers and auth style.</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels opening the stream (reads take their own token).</param>
    /// <returns>The response body, to read as an event stream.</returns>
    /// <exception cref="JuheApiException">The gateway answered with an error, or with a JSON body instead of a stream.</exception>
    /// <exception cref="TimeoutException">
    /// <see cref="JuheClientOptions.Timeout"/> or <see cref="JuheClientOptions.StreamFirstByteTimeout"/> elapsed before the stream began.
    /// </exception>
    public async Task<Stream> OpenStreamAsync(JuheRequest request, JuheBody? body, CancellationToken cancellationToken = default)
    {
        using Call call = StartCall(cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            using HttpContent? content = body?.CreateContent(request.StreamFlag, streaming: true);
            response = await SendWithRetriesAsync(request, body, content, streaming: true, call.Token).ConfigureAwait(false);
            if (IsMediaType(response, "application/json") || IsMediaType(response, "text/html"))
            {
                // A failure before streaming starts may come back as a 2xx JSON error body.
                throw await ReadErrorAsync(response, call.Token).ConfigureAwait(false);
            }

            ResponseContext context = ContextOf(response);
            Stream stream = ContentDecoding.Decode(await response.Content.ReadAsStreamAsync(call.Token).ConfigureAwait(false), response.Content.Headers, context);
            var responseBody = new ResponseBodyStream(stream, response, context, Options.StreamFirstByteTimeout, Options.StreamIdleTimeout, Options.TimeProvider);
            response = null;
            return responseBody;
        }
        catch (OperationCanceledException e) when (call.TimedOut)
        {
            throw TotalTimeout(e);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>Says which gateway the client talks to; credentials are never shown.</summary>
    /// <returns>A one-line description safe to log.</returns>
    public override string ToString() => $"JuheClient for {_root} ({Options})";

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private ResponseContext ContextOf(HttpResponseMessage response) =>
        new(response.StatusCode, RequestIdOf(response), _secrets, _streamOptions);
}
