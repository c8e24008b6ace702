using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Juhe.Sse;

namespace Juhe.Http;

/// <summary>
/// The entry point: one gateway, one key. Family clients (<c>Chat</c>, <c>Embeddings</c>, <c>Models</c>…)
/// are generated from the schemas onto this partial class; the <c>Send…</c> methods below are the
/// low-level seam they (and clients generated from a user's own schemas) call.
/// </summary>
/// <remarks>
/// Every call retries transient failures before a response has begun (see
/// <see cref="JuheClientOptions.MaxRetries"/>), turns error responses into
/// <see cref="JuheApiException"/>, and is bounded by <see cref="JuheClientOptions.Timeout"/>.
/// </remarks>
public sealed partial class JuheClient : IDisposable
{
    /// <summary>The most bytes of an error body that are read; the rest is left unread.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    private const string RequestIdHeader = "X-Oneapi-Request-Id";

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
    /// <param name="request">The method, path, query and auth style.</param>
    /// <param name="responseType">The serialization metadata of <typeparamref name="TResponse"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized response body.</returns>
    /// <exception cref="JuheApiException">
    /// The gateway answered with an error (after any retries), the answer is not the documented shape,
    /// or the connection failed (<see cref="JuheApiException.Kind"/> says which).
    /// </exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed.</exception>
    public Task<TResponse> SendAsync<TResponse>(JuheRequest request, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        return SendCoreAsync(request, content: null, responseType, cancellationToken);
    }

    /// <summary>Sends a request with a JSON body and reads a JSON response.</summary>
    /// <typeparam name="TRequest">The type of the request body.</typeparam>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="request">The method, path, query and auth style.</param>
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
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        JuheRequest request, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(responseType);
        using PooledJsonContent content = PooledJsonContent.Create(body, requestType, request.StreamFlag, streaming: false);
        return await SendCoreAsync(request, content, responseType, cancellationToken).ConfigureAwait(false);
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
    /// <param name="request">The method, path, query and auth style.</param>
    /// <param name="body">The request body (which asks for a stream, such as <c>"stream": true</c>).</param>
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
    public async Task<Stream> OpenStreamAsync<TRequest>(
        JuheRequest request, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        using PooledJsonContent content = PooledJsonContent.Create(body, requestType, request.StreamFlag, streaming: true);
        using CancellationTokenSource? deadline = StartDeadline();
        using CancellationTokenSource? linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        CancellationToken token = linked?.Token ?? cancellationToken;
        HttpResponseMessage? response = null;
        try
        {
            response = await SendWithRetriesAsync(request, content, streaming: true, token).ConfigureAwait(false);
            if (IsMediaType(response, "application/json") || IsMediaType(response, "text/html"))
            {
                // §18.5: a failure before streaming starts may come back as a 2xx JSON error body.
                throw await ReadErrorAsync(response, token).ConfigureAwait(false);
            }

            ResponseContext context = new(response.StatusCode, RequestIdOf(response), _secrets, _streamOptions);
            Stream stream = ContentDecoding.Decode(await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false), response.Content.Headers, context);
            var responseBody = new ResponseBodyStream(stream, response, context, Options.StreamFirstByteTimeout, Options.StreamIdleTimeout, Options.TimeProvider);
            response = null;
            return responseBody;
        }
        catch (OperationCanceledException e) when (IsTimeout(deadline, cancellationToken))
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

    private async Task<TResponse> SendCoreAsync<TResponse>(JuheRequest request, PooledJsonContent? content, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using CancellationTokenSource? deadline = StartDeadline();
        using CancellationTokenSource? linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        CancellationToken token = linked?.Token ?? cancellationToken;
        try
        {
            using HttpResponseMessage response = await SendWithRetriesAsync(request, content, streaming: false, token).ConfigureAwait(false);
            if (IsMediaType(response, "text/html"))
            {
                // A web page where JSON was expected: usually a BaseUrl that points at the gateway's web UI or a proxy.
                throw await ReadErrorAsync(response, token).ConfigureAwait(false);
            }

            var context = new ResponseContext(response.StatusCode, RequestIdOf(response), _secrets, streamOptions: null);
            using PooledBufferWriter body = await ReadBodyAsync(response, context, token).ConfigureAwait(false);
            return ReadJson(body.WrittenSpan, responseType, context);
        }
        catch (OperationCanceledException e) when (IsTimeout(deadline, cancellationToken))
        {
            throw TotalTimeout(e);
        }
    }

    /// <summary>
    /// Sends until a success response arrives (returned with its body unread), a non-transient
    /// error arrives (thrown), or the retries run out (the last failure thrown).
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(JuheRequest request, HttpContent? content, bool streaming, CancellationToken token)
    {
        for (int attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            HttpRequestMessage message = CreateMessage(request, content, streaming);

            // A stream's headers get their own, shorter limit: a gateway that has not begun to answer
            // after StreamFirstByteTimeout is not going to, whatever the total deadline allows.
            using CancellationTokenSource? firstByte = streaming && Options.StreamFirstByteTimeout != System.Threading.Timeout.InfiniteTimeSpan
                ? new CancellationTokenSource(Options.StreamFirstByteTimeout, Options.TimeProvider)
                : null;
            using CancellationTokenSource? linked = firstByte is null ? null : CancellationTokenSource.CreateLinkedTokenSource(token, firstByte.Token);
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked?.Token ?? token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (firstByte is { IsCancellationRequested: true } && !token.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"The gateway did not begin the stream within {Options.StreamFirstByteTimeout} (JuheClientOptions.StreamFirstByteTimeout) for {request.Method} {request.Path}."), e);
            }
            catch (HttpRequestException e) when (attempt < Options.MaxRetries && !token.IsCancellationRequested && IsRetryableConnectionFailure(e))
            {
                await Task.Delay(Backoff(attempt), Options.TimeProvider, token).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException e) when (!token.IsCancellationRequested)
            {
                throw new JuheApiException(JuheErrorKind.Transport, 0,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{request.Method} {request.Path} could not reach the gateway at {_root} ({Attempts(attempt)}): {e.Message}"),
                    requestId: null, excerpt: null, _secrets, e, transient: IsRetryableConnectionFailure(e));
            }
            finally
            {
                // The content belongs to the whole call (it is resent on retry), not to this attempt.
                message.Content = null;
                message.Dispose();
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            JuheApiException error;
            TimeSpan? retryAfter;
            using (response)
            {
                error = await ReadErrorAsync(response, token).ConfigureAwait(false);
                retryAfter = RetryAfter(response);
            }

            if (attempt >= Options.MaxRetries || !error.IsTransient)
            {
                throw error;
            }

            TimeSpan delay = retryAfter ?? Backoff(attempt);
            if (delay > Options.MaxRetryDelay)
            {
                // The gateway asks for a longer pause than the caller allows: report rather than wait.
                throw error;
            }

            await Task.Delay(delay, Options.TimeProvider, token).ConfigureAwait(false);
        }
    }

    private static string Attempts(int attempt) => attempt == 0 ? "1 attempt" : $"{attempt + 1} attempts";

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;

    /// <summary>Reads the whole (decompressed) body into a pooled buffer; a broken connection becomes a <see cref="JuheErrorKind.Transport"/> error.</summary>
    private static async Task<PooledBufferWriter> ReadBodyAsync(HttpResponseMessage response, ResponseContext context, CancellationToken token)
    {
        var body = new PooledBufferWriter(response.Content.Headers.ContentLength is > 0 and < 1 << 24 and long length ? (int)length + 1 : 4096);
        try
        {
            Stream stream = ContentDecoding.Decode(await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false), response.Content.Headers, context);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(body.GetMemory(8192), token).ConfigureAwait(false)) > 0)
                {
                    body.Advance(read);
                }
            }

            return body;
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !token.IsCancellationRequested)
        {
            long received = body.WrittenCount;
            body.Dispose();
            throw e is InvalidDataException
                ? context.Failure(JuheErrorKind.InvalidResponse, $"The response body could not be decompressed: {e.Message}", e)
                : context.Failure(JuheErrorKind.Transport, string.Create(CultureInfo.InvariantCulture,
                    $"The connection broke after {received} byte(s) of the response body had arrived, so the answer is incomplete: {e.Message}"), e);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a success body: an error envelope first (a gateway reporting an error with a 2xx status,
    /// as new-api does when quota runs out), then the documented shape.
    /// </summary>
    private static TResponse ReadJson<TResponse>(ReadOnlySpan<byte> body, JsonTypeInfo<TResponse> responseType, ResponseContext context)
    {
        if (ErrorBody.IsErrorEnvelope(body))
        {
            throw context.GatewayError(body);
        }

        TResponse? value;
        try
        {
            value = JsonSerializer.Deserialize(body, responseType);
        }
        catch (JsonException e)
        {
            // Nobody reported an error: the answer is not what the schema documents (or was cut off).
            throw context.Failure(JuheErrorKind.InvalidResponse,
                $"The response body is not the documented {typeof(TResponse).Name} shape: {e.Message}", body, e);
        }

        return value ?? throw context.Failure(JuheErrorKind.InvalidResponse, $"The response body is not the documented {typeof(TResponse).Name} shape: it is JSON null.", body);
    }

    private HttpRequestMessage CreateMessage(JuheRequest request, HttpContent? content, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(request.Method, nameof(request));
        if (string.IsNullOrEmpty(request.Path) || request.Path[0] != '/')
        {
            throw new ArgumentException($"JuheRequest.Path must start with '/'; it is '{request.Path}'.", nameof(request));
        }

        string url = request.Query is null ? _root + request.Path : _root + request.Path + "?" + request.Query;
        var message = new HttpRequestMessage(request.Method, new Uri(url, UriKind.Absolute)) { Content = content };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(streaming ? "text/event-stream" : "application/json"));
        if (!streaming)
        {
            // Compressed JSON is decoded by ContentDecoding. Streams are not asked for it: a proxy that
            // compresses an event stream tends to hold tokens back to fill its blocks.
            message.Headers.TryAddWithoutValidation("Accept-Encoding", ContentDecoding.AcceptEncoding);
        }

        switch (request.Auth)
        {
            case JuheAuthStyle.Bearer:
                message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + RequireApiKey(request));
                break;
            case JuheAuthStyle.AnthropicApiKey:
                message.Headers.TryAddWithoutValidation("x-api-key", RequireApiKey(request));
                message.Headers.TryAddWithoutValidation("anthropic-version", Options.AnthropicVersion);
                break;
            case JuheAuthStyle.GoogleApiKey:
                message.Headers.TryAddWithoutValidation("x-goog-api-key", RequireApiKey(request));
                break;
            case JuheAuthStyle.SystemAccessToken:
                if (string.IsNullOrEmpty(Options.SystemAccessToken) || Options.UserId is null)
                {
                    throw new InvalidOperationException(
                        $"{request.Method} {request.Path} is a management route: it needs JuheClientOptions.SystemAccessToken and JuheClientOptions.UserId (sent as New-Api-User).");
                }

                message.Headers.TryAddWithoutValidation("Authorization", Options.SystemAccessToken);
                message.Headers.TryAddWithoutValidation("New-Api-User", Options.UserId.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case JuheAuthStyle.None:
                break;
            default:
                throw new ArgumentException($"JuheRequest.Auth has the unknown value {(int)request.Auth}.", nameof(request));
        }

        return message;
    }

    private string RequireApiKey(JuheRequest request) => string.IsNullOrEmpty(Options.ApiKey)
        ? throw new InvalidOperationException($"{request.Method} {request.Path} needs JuheClientOptions.ApiKey, which is not set.")
        : Options.ApiKey;

    /// <summary>Reads at most <see cref="MaxErrorBodyBytes"/> of the body and turns it into the exception.</summary>
    private async Task<JuheApiException> ReadErrorAsync(HttpResponseMessage response, CancellationToken token)
    {
        string? requestId = RequestIdOf(response);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBodyBytes + 1);
        try
        {
            int length = 0;
            Exception? readFailure = null;
            try
            {
                Stream body = ContentDecoding.Decode(
                    await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false),
                    response.Content.Headers,
                    new ResponseContext(response.StatusCode, requestId, _secrets, streamOptions: null));
                await using (body.ConfigureAwait(false))
                {
                    int read;
                    while (length <= MaxErrorBodyBytes
                        && (read = await body.ReadAsync(buffer.AsMemory(length, MaxErrorBodyBytes + 1 - length), token).ConfigureAwait(false)) > 0)
                    {
                        length += read;
                    }
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException or JuheApiException && !token.IsCancellationRequested)
            {
                // The connection broke (or the encoding is unknown or corrupt) while the error was being read: describe what did arrive.
                readFailure = e;
            }

            bool cut = length > MaxErrorBodyBytes;
            JuheApiException error = JuheApiException.FromResponseBody(
                response.StatusCode, buffer.AsSpan(0, Math.Min(length, MaxErrorBodyBytes)), requestId, cut || readFailure is not null, _secrets);
            return error;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private CancellationTokenSource? StartDeadline() =>
        Options.Timeout == System.Threading.Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(Options.Timeout, Options.TimeProvider);

    private static bool IsTimeout(CancellationTokenSource? deadline, CancellationToken caller) =>
        deadline is not null && deadline.IsCancellationRequested && !caller.IsCancellationRequested;

    private TimeoutException TotalTimeout(Exception inner) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"The call did not complete within {Options.Timeout} (JuheClientOptions.Timeout), retries included."),
        inner);

    /// <summary>Connection-level failures worth another try; a TLS or proxy-credential problem is not.</summary>
    private static bool IsRetryableConnectionFailure(HttpRequestException e) =>
        e.StatusCode is null
        && e.HttpRequestError is not (HttpRequestError.SecureConnectionError or HttpRequestError.UserAuthenticationError
            or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.ProxyTunnelError);

    /// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, capped at <see cref="JuheClientOptions.MaxRetryDelay"/>.</summary>
    private TimeSpan Backoff(int attempt)
    {
        double step = Options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        double jittered = (step / 2) + (Random.Shared.NextDouble() * step / 2);
        return TimeSpan.FromMilliseconds(Math.Min(jittered, Options.MaxRetryDelay.TotalMilliseconds));
    }

    /// <summary>The wait the gateway asks for: <c>retry-after-ms</c>, or <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out IEnumerable<string>? values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            TimeSpan wait = date - Options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool IsMediaType(HttpResponseMessage response, string mediaType) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, mediaType, StringComparison.OrdinalIgnoreCase);
}
