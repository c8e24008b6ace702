namespace Juhe.Tasks;

/// <summary>
/// Old new-api task rows (Suno, Jimeng, the generic video route, vanilla Kling) store the result
/// URL in <c>fail_reason</c> when the task succeeds. On a success that field is therefore a result,
/// not a failure; this recognises it.
/// </summary>
internal static class LegacyResultUrl
{
    /// <summary>Whether a success's failure reason is really a result URL: one absolute http(s) URL and nothing else.</summary>
    public static bool IsResultUrl(string? failureReason) =>
        !string.IsNullOrWhiteSpace(failureReason)
        && !failureReason.AsSpan().Trim().ContainsAny(" \t\r\n")
        && Uri.TryCreate(failureReason.Trim(), UriKind.Absolute, out Uri? uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The result URLs with the one from <c>fail_reason</c> added when the list does not already hold it.</summary>
    public static IReadOnlyList<string> Merge(IReadOnlyList<string>? resultUrls, string failureReason)
    {
        string url = failureReason.Trim();
        if (resultUrls is null || resultUrls.Count == 0)
        {
            return [url];
        }

        foreach (string existing in resultUrls)
        {
            if (string.Equals(existing, url, StringComparison.Ordinal))
            {
                return resultUrls;
            }
        }

        return [.. resultUrls, url];
    }
}
