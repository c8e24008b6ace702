using System.Globalization;
using System.Net.Http.Headers;

namespace Juhe.Http;

// The send pipeline every call shares: the message with its credentials and headers, retries, and the deadline.
public sealed partial class JuheClient
{
    /// <summary>
    /// Sends until a success response arrives (returned with its body unread), a non-transient
    /// error arrives (thrown), or the retries run out (the last failure thrown).
    /// </summary>
    /// <remarks><paramref name="body"/> is what <paramref name="content"/> was made from: it says whether the content may be sent again.</remarks>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(JuheRequest request, JuheBody? body, HttpContent? content, bool streaming, CancellationToken token)
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
            bool canRetry = attempt < Options.MaxRetries && (body is null || body.CanResend);
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked?.Token ?? token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (firstByte is { IsCancellationRequested: true } && !token.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"The gateway did not begin the stream within {Options.StreamFirstByteTimeout} (JuheClientOptions.StreamFirstByteTimeout) for {request.Method} {request.Path}."), e);
            }
            catch (HttpRequestException e) when (canRetry && !token.IsCancellationRequested && IsRetryableConnectionFailure(e))
            {
                await Task.Delay(Backoff(attempt), Options.TimeProvider, token).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException e) when (!token.IsCancellationRequested)
            {
                string notRetried = attempt < Options.MaxRetries && IsRetryableConnectionFailure(e) && body is { CanResend: false }
                    ? $" It was not retried: {body.NotResendableReason}."
                    : "";
                throw new JuheApiException(JuheErrorKind.Transport, 0,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{request.Method} {request.Path} could not reach the gateway at {_root} ({Attempts(attempt)}): {e.Message}{notRetried}"),
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

            if (body is { CanResend: false })
            {
                throw new JuheApiException(error, $"It was not retried: {body.NotResendableReason}.");
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

        if (request.Headers is { } headers)
        {
            foreach ((string name, string value) in headers)
            {
                // A header parameter (anthropic-version, anthropic-beta…) wins over the client's default for it.
                message.Headers.Remove(name);
                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    throw new ArgumentException($"JuheRequest.Headers holds '{name}', which cannot be sent as a request header.", nameof(request));
                }
            }
        }

        return message;
    }

    private string RequireApiKey(JuheRequest request) => string.IsNullOrEmpty(Options.ApiKey)
        ? throw new InvalidOperationException($"{request.Method} {request.Path} needs JuheClientOptions.ApiKey, which is not set.")
        : Options.ApiKey;

    /// <summary>The caller's token joined with the deadline of <see cref="JuheClientOptions.Timeout"/>.</summary>
    private Call StartCall(CancellationToken caller) => new(Options.Timeout, Options.TimeProvider, caller);

    private TimeoutException TotalTimeout(Exception inner) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"The call did not complete within {Options.Timeout} (JuheClientOptions.Timeout), retries included."),
        inner);

    private sealed class Call : IDisposable
    {
        private readonly CancellationTokenSource? _deadline;
        private readonly CancellationTokenSource? _linked;
        private readonly CancellationToken _caller;

        public Call(TimeSpan timeout, TimeProvider time, CancellationToken caller)
        {
            _caller = caller;
            if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                _deadline = new CancellationTokenSource(timeout, time);
                _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _deadline.Token);
            }
        }

        public CancellationToken Token => _linked?.Token ?? _caller;

        /// <summary>Whether a cancellation came from the deadline rather than the caller.</summary>
        public bool TimedOut => _deadline is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

        public void Dispose()
        {
            _linked?.Dispose();
            _deadline?.Dispose();
        }
    }
}
