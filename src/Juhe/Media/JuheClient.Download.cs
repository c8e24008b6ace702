using System.Globalization;
using System.Net.Http.Headers;

namespace Juhe.Http;

// Downloads of the files a task made (videos, songs, images) from the URLs its snapshot reports.
public sealed partial class JuheClient
{
    /// <summary>
    /// Opens the file at a result URL (a task's <c>ResultUrls</c>, a clip's <c>audio_url</c>…) and
    /// returns it unread: the bytes stream from the socket as they are read, copied or saved, never
    /// buffered whole. Result URLs are signed and expire (minutes to days, by family): download
    /// soon after the task succeeds, and poll the task again for a fresh URL if one has expired.
    /// </summary>
    /// <remarks>
    /// A path (<c>/v1/videos/…/content</c>) or a URL under <see cref="JuheClientOptions.BaseUrl"/> is
    /// fetched from the gateway with the client's key, retries and timeouts. Any other host gets a
    /// plain GET with no credentials at all: the gateway key is never sent to a CDN (and when the
    /// gateway itself redirects to one, <see cref="HttpClient"/> drops the <c>Authorization</c> header
    /// before following). Either way
    /// <see cref="JuheClientOptions.Timeout"/> bounds the wait for the headers and
    /// <see cref="JuheClientOptions.StreamIdleTimeout"/> each read.
    /// </remarks>
    /// <param name="url">The result URL, absolute (http or https) or a path on the gateway.</param>
    /// <param name="cancellationToken">Cancels the wait for the response headers.</param>
    /// <returns>The file; dispose it to release the connection.</returns>
    /// <exception cref="ArgumentException">The URL is empty, malformed or not http(s).</exception>
    /// <exception cref="JuheApiException">The host answered with an error (an expired signature is typically 403 or 404) or the connection failed.</exception>
    /// <exception cref="TimeoutException"><see cref="JuheClientOptions.Timeout"/> elapsed before the headers arrived.</exception>
    public Task<JuheBinaryResponse> OpenDownloadAsync(string url, CancellationToken cancellationToken = default)
    {
        DownloadLocation location = DownloadLocation.Of(url, Options.BaseUrl);
        return location.Foreign is { } foreign
            ? OpenForeignDownloadAsync(foreign, cancellationToken)
            : SendForBinaryAsync(new JuheRequest(HttpMethod.Get, location.GatewayPath!, JuheAuthStyle.Bearer, location.GatewayQuery), body: null, cancellationToken);
    }

    /// <summary>
    /// Streams the file at a result URL into <paramref name="destination"/>, one pooled block at a
    /// time. Result URLs are signed and expire; see <see cref="OpenDownloadAsync"/>.
    /// </summary>
    /// <param name="url">The result URL, absolute (http or https) or a path on the gateway.</param>
    /// <param name="destination">Where the bytes go; left open.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when every byte has been copied.</returns>
    /// <exception cref="ArgumentException">The URL is empty, malformed or not http(s).</exception>
    /// <exception cref="JuheApiException">The host answered with an error or the connection failed.</exception>
    public async Task DownloadAsync(string url, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using JuheBinaryResponse file = await OpenDownloadAsync(url, cancellationToken).ConfigureAwait(false);
        await file.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams the file at a result URL to the file at <paramref name="path"/> (replacing it); if the
    /// download fails part-way no file is left at the path. Result URLs are signed and expire; see
    /// <see cref="OpenDownloadAsync"/>.
    /// </summary>
    /// <param name="url">The result URL, absolute (http or https) or a path on the gateway.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="ArgumentException">The URL or the path is empty, or the URL is malformed or not http(s).</exception>
    /// <exception cref="JuheApiException">The host answered with an error or the connection failed.</exception>
    public async Task DownloadAsync(string url, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using JuheBinaryResponse file = await OpenDownloadAsync(url, cancellationToken).ConfigureAwait(false);
        await file.SaveAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One GET with no credentials; a foreign host is not the gateway, so nothing of the gateway's retry policy applies.</summary>
    private async Task<JuheBinaryResponse> OpenForeignDownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        string shown = DownloadLocation.Describe(url);
        using Call call = StartCall(cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            using (var message = new HttpRequestMessage(HttpMethod.Get, url))
            {
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
                try
                {
                    response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, call.Token).ConfigureAwait(false);
                }
                catch (HttpRequestException e) when (!call.Token.IsCancellationRequested)
                {
                    throw new JuheApiException(JuheErrorKind.Transport, 0, $"GET {shown} (a result URL) could not be reached: {e.Message}",
                        requestId: null, excerpt: null, _secrets, e, transient: IsRetryableConnectionFailure(e));
                }
            }

            if (!response.IsSuccessStatusCode)
            {
                JuheApiException error = await ReadErrorAsync(response, call.Token).ConfigureAwait(false);
                throw new JuheApiException(error, string.Create(CultureInfo.InvariantCulture,
                    $"Downloading {shown} failed with {(int)response.StatusCode}. Result URLs are signed and expire: fetch the task again for a fresh one."));
            }

            ResponseContext context = ContextOf(response);
            if (IsMediaType(response, "text/html"))
            {
                // A captive portal or a CDN's error page answered 200 where a file was expected.
                using PooledBufferWriter page = await ReadBodyAsync(response, context, call.Token).ConfigureAwait(false);
                throw context.Failure(JuheErrorKind.InvalidResponse, $"GET {shown} answered an HTML page where a file was expected.", page.WrittenSpan);
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
}
