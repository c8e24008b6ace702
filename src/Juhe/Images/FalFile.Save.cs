namespace Juhe.Fal;

// A Fal output file is a URL, or a data URL with sync_mode: one call saves either.
public sealed partial class FalFile
{
    /// <summary>Writes the file to <paramref name="destination"/>: a data URL is decoded, an http(s) URL downloaded with <paramref name="downloader"/>.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="downloader">Downloads http(s) URLs (a plain client: the URL is Fal's storage, not the gateway); not needed for data URLs.</param>
    /// <param name="cancellationToken">Cancels the download or the copy.</param>
    /// <returns>A task that completes when every byte has been written.</returns>
    /// <exception cref="InvalidOperationException">The file has no URL, or it is an http(s) URL and <paramref name="downloader"/> is null.</exception>
    /// <exception cref="HttpRequestException">The download failed.</exception>
    public Task WriteToAsync(Stream destination, HttpClient? downloader = null, CancellationToken cancellationToken = default) =>
        Juhe.Images.ImageSource.WriteAsync(Url, null, destination, downloader, "The Fal file", cancellationToken);

    /// <summary>Saves the file at <paramref name="path"/> (replacing it), as <see cref="WriteToAsync"/> does; a failed save leaves no partial file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="downloader">Downloads http(s) URLs; not needed for data URLs.</param>
    /// <param name="cancellationToken">Cancels the download or the copy.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="InvalidOperationException">The file has no URL, or it is an http(s) URL and <paramref name="downloader"/> is null.</exception>
    /// <exception cref="HttpRequestException">The download failed.</exception>
    public Task SaveAsync(string path, HttpClient? downloader = null, CancellationToken cancellationToken = default) =>
        Juhe.Images.ImageSource.SaveAsync(Url, null, path, downloader, "The Fal file", cancellationToken);
}
