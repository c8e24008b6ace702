using Juhe.Http;

namespace Juhe.Images;

/// <summary>
/// Saves one result image, whatever form the gateway sent it in: base64 bytes, a
/// <c>data:…;base64,</c> URL, or an http(s) URL to download. Shared by every family's image type.
/// </summary>
internal static class ImageSource
{
    private const int BlockSize = 81920;

    /// <summary>Writes the image to <paramref name="destination"/>.</summary>
    /// <param name="url">The image's URL (http(s) or data URL), if any.</param>
    /// <param name="base64">The image as base64, if any; preferred over <paramref name="url"/>.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="downloader">Fetches http(s) URLs; a plain client, not the gateway's (the URL is not the gateway's and must not see the key).</param>
    /// <param name="what">Names the image in error messages.</param>
    /// <param name="cancellationToken">Cancels the download or the copy.</param>
    public static async Task WriteAsync(string? url, string? base64, Stream destination, HttpClient? downloader, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!string.IsNullOrEmpty(base64))
        {
            await Base64Chunks.WriteAsync(base64.AsMemory(), destination, what + "'s b64_json", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(url))
        {
            throw new InvalidOperationException($"{what} has neither a URL nor base64 bytes to save.");
        }

        if (TryGetDataUrlPayload(url, out ReadOnlyMemory<char> payload))
        {
            await Base64Chunks.WriteAsync(payload, destination, what + "'s data URL", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{what}'s URL is neither http(s) nor a base64 data URL: '{Shorten(url)}'.");
        }

        if (downloader is null)
        {
            throw new InvalidOperationException($"{what} is a URL ({uri.Host}); pass an HttpClient to download it.");
        }

        using HttpResponseMessage response = await downloader.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Downloading {what} from {uri.Host} failed with HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await body.CopyToAsync(destination, BlockSize, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the image to the file at <paramref name="path"/>; a failed save leaves no partial file behind.</summary>
    public static Task SaveAsync(string? url, string? base64, string path, HttpClient? downloader, string what, CancellationToken cancellationToken) =>
        WholeFile.WriteAsync(path, (file, ct) => WriteAsync(url, base64, file, downloader, what, ct), cancellationToken);

    /// <summary>The base64 payload of a <c>data:[type];base64,</c> URL.</summary>
    public static bool TryGetDataUrlPayload(string url, out ReadOnlyMemory<char> payload)
    {
        payload = default;
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !url.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        payload = url.AsMemory(comma + 1);
        return true;
    }

    private static string Shorten(string url) => url.Length <= 80 ? url : string.Concat(url.AsSpan(0, 80), "…");
}
