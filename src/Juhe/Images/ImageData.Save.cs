namespace Juhe.Images;

// Saving a result image of /v1/images/*: gateways answer with a URL or with b64_json, this hides which.
public sealed partial class ImageData
{
    /// <summary>Whether the image came as bytes (<c>b64_json</c>) rather than a URL to download.</summary>
    public bool HasBytes => !string.IsNullOrEmpty(B64Json);

    /// <summary>
    /// Writes the image to <paramref name="destination"/>: base64 is decoded a block at a time (never
    /// held twice), a data URL likewise, and an http(s) URL is downloaded with <paramref name="downloader"/>.
    /// </summary>
    /// <param name="destination">Where the image file's bytes go.</param>
    /// <param name="downloader">
    /// Downloads URL images; a plain <see cref="HttpClient"/>, not the gateway's (the URL points at
    /// storage, and it must not see the API key). Not needed for base64 images.
    /// </param>
    /// <param name="cancellationToken">Cancels the download or the copy.</param>
    /// <returns>A task that completes when every byte has been written.</returns>
    /// <exception cref="InvalidOperationException">The image has neither bytes nor URL, or it is a URL and <paramref name="downloader"/> is null.</exception>
    /// <exception cref="FormatException"><c>b64_json</c> is not valid base64.</exception>
    /// <exception cref="HttpRequestException">The download failed.</exception>
    public Task WriteToAsync(Stream destination, HttpClient? downloader = null, CancellationToken cancellationToken = default) =>
        ImageSource.WriteAsync(Url, B64Json, destination, downloader, "The image", cancellationToken);

    /// <summary>
    /// Saves the image to the file at <paramref name="path"/> (replacing it), as
    /// <see cref="WriteToAsync"/> does; if saving fails part-way no partial file is left.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="downloader">Downloads URL images (see <see cref="WriteToAsync"/>); not needed for base64 images.</param>
    /// <param name="cancellationToken">Cancels the download or the copy.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="InvalidOperationException">The image has neither bytes nor URL, or it is a URL and <paramref name="downloader"/> is null.</exception>
    /// <exception cref="FormatException"><c>b64_json</c> is not valid base64.</exception>
    /// <exception cref="HttpRequestException">The download failed.</exception>
    public Task SaveAsync(string path, HttpClient? downloader = null, CancellationToken cancellationToken = default) =>
        ImageSource.SaveAsync(Url, B64Json, path, downloader, "The image", cancellationToken);
}
