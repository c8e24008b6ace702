namespace Juhe.Ideogram;

// Ideogram withholds unsafe images (is_image_safe false, empty url): saving one says so instead of failing on an empty URL.
public sealed partial class IdeogramImage
{
    /// <summary>Whether the image can be downloaded: not withheld by the safety check, and with a URL.</summary>
    public bool IsAvailable => IsImageSafe != false && !string.IsNullOrEmpty(Url);

    /// <summary>Downloads the image to <paramref name="destination"/> with <paramref name="downloader"/> (a plain client: the URL is Ideogram's, not the gateway's).</summary>
    /// <param name="destination">Where the image file's bytes go.</param>
    /// <param name="downloader">Downloads the ephemeral URL.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when every byte has been written.</returns>
    /// <exception cref="InvalidOperationException">The image was withheld as unsafe, or has no URL.</exception>
    /// <exception cref="HttpRequestException">The download failed (the URLs expire after about a day).</exception>
    public Task WriteToAsync(Stream destination, HttpClient downloader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(downloader);
        ThrowIfWithheld();
        return Juhe.Images.ImageSource.WriteAsync(Url, null, destination, downloader, "The Ideogram image", cancellationToken);
    }

    /// <summary>Downloads the image to the file at <paramref name="path"/> (replacing it); a failed download leaves no partial file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="downloader">Downloads the ephemeral URL.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="InvalidOperationException">The image was withheld as unsafe, or has no URL.</exception>
    /// <exception cref="HttpRequestException">The download failed (the URLs expire after about a day).</exception>
    public Task SaveAsync(string path, HttpClient downloader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(downloader);
        ThrowIfWithheld();
        return Juhe.Images.ImageSource.SaveAsync(Url, null, path, downloader, "The Ideogram image", cancellationToken);
    }

    private void ThrowIfWithheld()
    {
        if (IsImageSafe == false)
        {
            throw new InvalidOperationException($"Ideogram withheld this image as unsafe (is_image_safe is false, seed {Seed}); there is nothing to save.");
        }
    }
}
