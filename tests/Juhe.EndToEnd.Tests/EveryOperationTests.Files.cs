namespace Juhe.EndToEnd.Tests;

// A task's result URL points at the gateway's own /juhe/files/ route: fetching it proves the URL is real.
public sealed partial class EveryOperationTests
{
    private static readonly HttpClient FileDownloads = new();

    /// <summary>Fetches <paramref name="url"/> and returns the media type it was served as.</summary>
    private static async Task<string?> AssertServedFileAsync(string url)
    {
        using HttpResponseMessage file = await FileDownloads.GetAsync(new Uri(url));
        byte[] bytes = await file.Content.ReadAsByteArrayAsync();

        Assert.True(file.IsSuccessStatusCode, $"GET {url}: {(int)file.StatusCode}");
        Assert.Contains("/juhe/files/", url, StringComparison.Ordinal);
        Assert.NotEmpty(bytes);
        return file.Content.Headers.ContentType?.MediaType;
    }
}
