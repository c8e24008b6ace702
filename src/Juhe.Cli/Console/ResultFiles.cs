using System.Globalization;
using Juhe.Http;

namespace Juhe.Cli;

/// <summary>Saves what a generation produced next to the caller: streamed to disk, named by kind, index and type.</summary>
internal static class ResultFiles
{
    /// <summary>For image answers' URLs (<c>ImageData.SaveAsync</c>), which point at file hosts: fetched without the gateway's key.</summary>
    private static readonly HttpClient Downloader = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static HttpClient Client => Downloader;

    public static string PathFor(string folder, string kind, int index, string? url, string fallbackExtension)
    {
        string extension = Path.GetExtension(url is null ? "" : new Uri(url, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } u ? u.AbsolutePath : url);
        if (extension.Length is < 2 or > 6)
        {
            extension = fallbackExtension;
        }

        Directory.CreateDirectory(folder);
        return Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"juhe-{kind}-{DateTime.Now:yyyyMMdd-HHmmss}-{index + 1}{extension}"));
    }

    /// <summary>
    /// Downloads each URL into <paramref name="folder"/> through <see cref="JuheClient.DownloadAsync(string, string, CancellationToken)"/>
    /// (streamed, whole or not at all, the key sent only to the gateway) or, with <paramref name="printOnly"/>, prints them.
    /// </summary>
    public static async Task SaveAllAsync(JuheClient client, IReadOnlyList<string> urls, string folder, string kind, string fallbackExtension, bool printOnly, CancellationToken cancellationToken)
    {
        if (urls.Count == 0)
        {
            throw new CliException("the task finished without any result URL.");
        }

        for (int i = 0; i < urls.Count; i++)
        {
            if (printOnly)
            {
                Terminal.WriteLine(urls[i]);
                continue;
            }

            string path = PathFor(folder, kind, i, urls[i], fallbackExtension);
            await client.DownloadAsync(urls[i], path, cancellationToken).ConfigureAwait(false);
            Terminal.WriteLine(path);
        }
    }
}
