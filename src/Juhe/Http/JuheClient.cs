using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
    }

    /// <summary>The options the client was made with.</summary>
    public JuheClientOptions Options { get; }

    /// <summary>Sends a request without a body and reads a JSON response.</summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="request">The method, path, query and auth style.</param>
    /// <param name="responseType">The serialization metadata of <typeparamref name="TResponse"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized response body.</returns>
    /// <exception cref="JuheApiException">The gateway answered with an error (after any retries).</exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed.</exception>
    /// <exception cref="HttpRequestException">The gateway could not be reached (after any retries).</exception>
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
    /// <exception cref="JuheApiException">The gateway answered with an error (after any retries).</exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed.</exception>
    /// <exception cref="HttpRequestException">The gateway could not be reached (after any retries).</exception>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        JuheRequest request, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(responseType);
        using PooledJsonContent content = PooledJsonContent.Create(body, requestType);
        return await SendCoreAsync(request, content, responseType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request with a JSON body whose answer is an event stream, and returns the response
    /// body once the status says success. Disposing the stream releases the connection.
    /// </summary>
    /// <remarks>
    /// Retries happen only before the response headers of a successful response arrive; once the
    /// stream is returned nothing is ever resent. A read fails with a <see cref="TimeoutException"/>
    /// when no bytes arrive for <see cref="JuheClientOptions.StreamIdleTimeout"/>.
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
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed before the stream began.</exception>
    /// <exception cref="HttpRequestException">The gateway could not be reached (after any retries).</exception>
    public async Task<Stream> OpenStreamAsync<TRequest>(
        JuheRequest request, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        using PooledJsonContent content = PooledJsonContent.Create(body, requestType);
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

            Stream stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            var idleBounded = new IdleTimeoutStream(stream, response, Options.StreamIdleTimeout, Options.TimeProvider);
            response = null;
            return idleBounded;
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

            Stream body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                TResponse? value;
                try
                {
                    value = await JsonSerializer.DeserializeAsync(body, responseType, token).ConfigureAwait(false);
                }
                catch (JsonException e)
                {
                    // A success status with a body that is not the documented shape (or was cut off):
                    // say so with the status and request id, keeping the reader's position in the inner exception.
                    throw InvalidResponse(response, typeof(TResponse).Name, e.Message, e);
                }

                return value ?? throw InvalidResponse(response, typeof(TResponse).Name, "the body was JSON null", inner: null);
            }
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
    private async Task<HttpResponseMessage> SendWithRetriesAsync(JuheRequest request, PooledJsonContent? content, bool streaming, CancellationToken token)
    {
        for (int attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            HttpRequestMessage message = CreateMessage(request, content, streaming);
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (attempt < Options.MaxRetries && !token.IsCancellationRequested && IsRetryableConnectionFailure(e))
            {
                await Task.Delay(Backoff(attempt), Options.TimeProvider, token).ConfigureAwait(false);
                continue;
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

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;

    private static JuheApiException InvalidResponse(HttpResponseMessage response, string typeName, string problem, Exception? inner)
    {
        return new JuheApiException(
            response.StatusCode,
            $"the response body could not be read as {typeName}: {problem}",
            errorType: "invalid_response",
            requestId: RequestIdOf(response),
            innerException: inner);
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
                Stream body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
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
            catch (Exception e) when (e is IOException or HttpRequestException && !token.IsCancellationRequested)
            {
                // The connection broke while the error was being read: describe what did arrive.
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
