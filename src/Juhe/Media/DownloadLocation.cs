namespace Juhe.Http;

/// <summary>
/// Where a result URL points: back at the gateway (a relative path such as Sora's
/// <c>/v1/videos/{id}/content</c>, or an absolute URL under <see cref="JuheClientOptions.BaseUrl"/>),
/// which is sent with the client's credentials; or at a foreign host (a CDN's signed URL), which
/// is sent with none, so the gateway key never leaves for a host the caller did not configure.
/// </summary>
internal readonly struct DownloadLocation
{
    private DownloadLocation(string? gatewayPath, string? gatewayQuery, Uri? foreign)
    {
        GatewayPath = gatewayPath;
        GatewayQuery = gatewayQuery;
        Foreign = foreign;
    }

    /// <summary>The path under the gateway root (starting with '/'), when the URL is the gateway's.</summary>
    public string? GatewayPath { get; }

    /// <summary>The query (without '?') of a gateway URL, if any.</summary>
    public string? GatewayQuery { get; }

    /// <summary>The absolute URL of a foreign host, when the URL is not the gateway's.</summary>
    public Uri? Foreign { get; }

    /// <summary>Classifies <paramref name="url"/> against the gateway's root (scheme, host, port and base path).</summary>
    /// <exception cref="ArgumentException">The URL is empty, not a URL, or not http(s).</exception>
    public static DownloadLocation Of(string url, Uri baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        url = url.Trim();
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            // A path is relative to the gateway root, as every operation's path is.
            int question = url.IndexOf('?', StringComparison.Ordinal);
            return question < 0
                ? new DownloadLocation(url, null, null)
                : new DownloadLocation(url[..question], question + 1 < url.Length ? url[(question + 1)..] : null, null);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? absolute))
        {
            throw new ArgumentException($"The download URL is neither an absolute http(s) URL nor a path on the gateway: it begins '{Quote(url)}'.", nameof(url));
        }

        if (absolute.Scheme != Uri.UriSchemeHttps && absolute.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"The download URL has the scheme '{absolute.Scheme}'; only http and https URLs are downloaded.", nameof(url));
        }

        return IsUnderBase(absolute, baseUrl) ? OnGateway(baseUrl, absolute) : new DownloadLocation(null, null, absolute);
    }

    /// <summary>The URL as an error message may show it: scheme, host and path, never the query (a signed URL's signature lives there).</summary>
    public static string Describe(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static DownloadLocation OnGateway(Uri baseUrl, Uri absolute)
    {
        string basePath = baseUrl.AbsolutePath.TrimEnd('/');
        string path = absolute.AbsolutePath[basePath.Length..];
        string query = absolute.Query.TrimStart('?');
        return new DownloadLocation(path.Length == 0 ? "/" : path, query.Length == 0 ? null : query, null);
    }

    private static bool IsUnderBase(Uri url, Uri baseUrl)
    {
        if (!string.Equals(url.Scheme, baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(url.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            || url.Port != baseUrl.Port)
        {
            return false;
        }

        string basePath = baseUrl.AbsolutePath.TrimEnd('/');
        return url.AbsolutePath.StartsWith(basePath + "/", StringComparison.Ordinal) || url.AbsolutePath == basePath;
    }

    private static string Quote(string url) => url.Length <= 40 ? url : url[..40] + "…";
}
