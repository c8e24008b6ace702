using System.Net;
using Juhe.Images;
using Juhe.Tests.Http;
using Juhe.Tests.Support;

namespace Juhe.Tests.Families;

/// <summary>
/// <see cref="ImageData.WriteToAsync"/> and <see cref="ImageData.SaveAsync"/>: one call saves a result
/// image whether the gateway sent base64, a data URL or a URL, and base64 is decoded block by block.
/// </summary>
public class ImageSaveTests
{
    private static byte[] RandomImage(int length)
    {
        var bytes = new byte[length];
        new Random(12345).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Base64_bytes_are_written_as_the_image_file()
    {
        byte[] png = RandomImage(1000);
        var image = new ImageData { B64Json = Convert.ToBase64String(png) };
        using var destination = new MemoryStream();

        await image.WriteToAsync(destination);

        Assert.Equal(png, destination.ToArray());
    }

    [Theory]
    [InlineData(200_000, Base64FormattingOptions.InsertLineBreaks)] // line breaks every 76 characters, across block edges
    [InlineData(49_152, Base64FormattingOptions.None)]              // exactly one 64 Ki-character block
    [InlineData(49_153, Base64FormattingOptions.None)]              // one byte past it, with padding
    [InlineData(1, Base64FormattingOptions.None)]
    public async Task Base64_of_any_length_and_wrapped_lines_decodes_to_the_same_bytes(int length, Base64FormattingOptions formatting)
    {
        byte[] png = RandomImage(length);
        var image = new ImageData { B64Json = Convert.ToBase64String(png, formatting) };
        using var destination = new MemoryStream();

        await image.WriteToAsync(destination);

        Assert.Equal(png, destination.ToArray());
    }

    [Fact]
    public async Task Invalid_base64_raises_FormatException_naming_b64_json()
    {
        var image = new ImageData { B64Json = "not base64!" };

        FormatException e = await Assert.ThrowsAsync<FormatException>(() => image.WriteToAsync(Stream.Null));

        Assert.Contains("b64_json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_URL_is_decoded_without_a_downloader()
    {
        byte[] png = RandomImage(300);
        var image = new ImageData { Url = "data:image/png;base64," + Convert.ToBase64String(png) };
        using var destination = new MemoryStream();

        await image.WriteToAsync(destination);

        Assert.Equal(png, destination.ToArray());
    }

    [Fact]
    public async Task A_URL_is_downloaded_with_the_given_HttpClient_which_never_sees_the_gateway_key()
    {
        byte[] png = RandomImage(5000);
        var storage = new FakeHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(png) }));
        using var downloader = new HttpClient(storage);
        var image = new ImageData { Url = "https://ark-content-generation.example/img.jpeg?sig=1" };
        using var destination = new MemoryStream();

        await image.WriteToAsync(destination, downloader);

        Assert.Equal(png, destination.ToArray());
        RecordedRequest get = Assert.Single(storage.Requests);
        Assert.Equal("https://ark-content-generation.example/img.jpeg?sig=1", get.Uri.AbsoluteUri);
        Assert.Null(get.Header("Authorization"));
    }

    [Fact]
    public async Task A_URL_without_a_downloader_says_to_pass_an_HttpClient()
    {
        var image = new ImageData { Url = "https://example.com/a.png" };

        InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(() => image.WriteToAsync(Stream.Null));

        Assert.Contains("HttpClient", e.Message, StringComparison.Ordinal);
        Assert.Contains("example.com", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_download_raises_HttpRequestException_with_the_status()
    {
        var storage = new FakeHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden)));
        using var downloader = new HttpClient(storage);
        var image = new ImageData { Url = "https://example.com/expired.png" };

        HttpRequestException e = await Assert.ThrowsAsync<HttpRequestException>(() => image.WriteToAsync(Stream.Null, downloader));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
    }

    [Fact]
    public async Task An_image_with_neither_URL_nor_bytes_says_so()
    {
        InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(() => new ImageData().WriteToAsync(Stream.Null));

        Assert.Contains("neither a URL nor base64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_writes_the_file_and_a_failed_save_leaves_nothing_behind()
    {
        string directory = Directory.CreateTempSubdirectory("juhe-images-").FullName;
        try
        {
            byte[] png = RandomImage(2048);
            string good = Path.Combine(directory, "good.png");
            string bad = Path.Combine(directory, "bad.png");

            await new ImageData { B64Json = Convert.ToBase64String(png) }.SaveAsync(good);
            await Assert.ThrowsAsync<FormatException>(() => new ImageData { B64Json = Convert.ToBase64String(png) + "@@@@" }.SaveAsync(bad));

            Assert.Equal(png, await File.ReadAllBytesAsync(good));
            Assert.Equal(["good.png"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>The base64 path never holds a second, decoded copy of the image.</summary>
[Collection(AllocationMeasurements.Name)]
public class ImageSaveAllocationTests
{
    [Fact]
    public async Task Decoding_a_3_MB_base64_image_allocates_a_small_fraction_of_its_size()
    {
        var image = new ImageData { B64Json = Convert.ToBase64String(new byte[3 * 1024 * 1024]) };
        await image.WriteToAsync(Stream.Null); // rents the pooled blocks once

        long allocated = await AllocationMeasurement.LeastOfAsync(async () =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            await image.WriteToAsync(Stream.Null);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }, expected: 0);

        Assert.True(allocated < 16 * 1024, $"Decoding allocated {allocated:N0} bytes; a whole decoded copy would be {3 * 1024 * 1024:N0}.");
    }
}
