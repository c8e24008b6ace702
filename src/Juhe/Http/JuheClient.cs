using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Juhe.Http;

/// <summary>
/// The entry point: one gateway, one key. Family clients (<c>Chat</c>, <c>Embeddings</c>, <c>Models</c>…)
/// are generated from the schemas onto this partial class; the <c>Send…</c> methods below are the
/// low-level seam they (and clients generated from a user's own schemas) call.
/// </summary>
public sealed partial class JuheClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client for the gateway that <paramref name="options"/> describes.</summary>
    public JuheClient(JuheClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BaseUrl);
        Options = options;
        _ownsHttp = options.HttpClient is null;
        _http = options.HttpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The options the client was made with.</summary>
    public JuheClientOptions Options { get; }

    /// <summary>Sends a request without a body and reads a JSON response.</summary>
    public async Task<TResponse> SendAsync<TResponse>(JuheRequest request, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        using HttpRequestMessage message = CreateMessage(request, content: null);
        return await ReadJsonAsync(message, responseType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request with a JSON body and reads a JSON response.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        JuheRequest request, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(responseType);
        using HttpRequestMessage message = CreateMessage(request, JsonContent(body, requestType));
        return await ReadJsonAsync(message, responseType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request with a JSON body whose answer is an event stream, and returns the response
    /// body once the status says success. Disposing the stream releases the connection.
    /// </summary>
    public async Task<Stream> OpenStreamAsync<TRequest>(
        JuheRequest request, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        using HttpRequestMessage message = CreateMessage(request, JsonContent(body, requestType));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await CreateErrorAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }

        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static ByteArrayContent JsonContent<T>(T body, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private HttpRequestMessage CreateMessage(JuheRequest request, HttpContent? content)
    {
        string relative = request.Query is null ? request.Path : request.Path + "?" + request.Query;
        var message = new HttpRequestMessage(request.Method, new Uri(Options.BaseUrl, relative)) { Content = content };
        switch (request.Auth)
        {
            case JuheAuthStyle.Bearer:
                message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Options.ApiKey);
                break;
            case JuheAuthStyle.AnthropicApiKey:
                message.Headers.TryAddWithoutValidation("x-api-key", Options.ApiKey);
                message.Headers.TryAddWithoutValidation("anthropic-version", Options.AnthropicVersion);
                break;
            case JuheAuthStyle.GoogleApiKey:
                message.Headers.TryAddWithoutValidation("x-goog-api-key", Options.ApiKey);
                break;
            case JuheAuthStyle.SystemAccessToken:
                message.Headers.TryAddWithoutValidation("Authorization", Options.SystemAccessToken);
                message.Headers.TryAddWithoutValidation("New-Api-User", Options.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
        }

        return message;
    }

    private async Task<T> ReadJsonAsync<T>(HttpRequestMessage message, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }

        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return (await JsonSerializer.DeserializeAsync(body, type, cancellationToken).ConfigureAwait(false))!;
        }
    }

    private static async Task<JuheApiException> CreateErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? requestId = response.Headers.TryGetValues("X-Oneapi-Request-Id", out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;
        return new JuheApiException(response.StatusCode, errorMessage: null, requestId: requestId, body: body);
    }
}
