using System.Globalization;

namespace Juhe.Cli;

/// <summary>Saves what a generation produced next to the caller: streamed to disk, named by kind, index and type.</summary>
internal static class ResultFiles
{
    /// <summary>Result URLs point at file hosts, not the gateway: they are fetched without the gateway's key.</summary>
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

    /// <summary>Downloads each URL into <paramref name="folder"/> (a partial file never stays behind) or, with <paramref name="printOnly"/>, prints them.</summary>
    public static async Task SaveAllAsync(IReadOnlyList<string> urls, string folder, string kind, string fallbackExtension, bool printOnly, CancellationToken cancellationToken)
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
            string partial = path + ".part";
            try
            {
                using HttpResponseMessage response = await Downloader.GetAsync(urls[i], HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new IOException($"downloading {urls[i]} answered {(int)response.StatusCode} (result URLs are signed and expire; --no-download prints them instead).");
                }

                var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }

                File.Move(partial, path, overwrite: true);
                Terminal.WriteLine(path);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
        }
    }
}
