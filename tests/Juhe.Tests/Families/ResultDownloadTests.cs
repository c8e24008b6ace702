using System.Net;
using System.Text;
using Juhe.Http;
using Juhe.Tests.Http;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>
/// <see cref="JuheClient.DownloadAsync(string, Stream, CancellationToken)"/> and its siblings: a result
/// URL streamed to a stream or file, the key sent to the gateway only, and expired URLs explained.
/// </summary>
public class ResultDownloadTests
{
    private const string SignedCdnUrl = "https://cdn.example/v/out.mp4?Expires=1760000000&Signature=c2VjcmV0LXNpZw";

    private static readonly byte[] Video = Encoding.ASCII.GetBytes("\0\0\0 ftypisom fake mp4 bytes");

    private static FakeHandler ServingVideo() => FakeHandler.Answering(() =>
    {
        var content = new ByteArrayContent(Video);
        content.Headers.ContentType = new("video/mp4");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    });

    [Fact]
    public async Task A_foreign_signed_URL_is_fetched_exactly_as_given_with_no_credentials()
    {
        FakeHandler cdn = ServingVideo();
        using JuheClient client = ClientFor(cdn);
        using var destination = new MemoryStream();

        await client.DownloadAsync(SignedCdnUrl, destination);

        RecordedRequest sent = Assert.Single(cdn.Requests);
        Assert.Equal(SignedCdnUrl, sent.Uri.AbsoluteUri);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Null(sent.Header("Authorization"));
        Assert.DoesNotContain(sent.Headers.Values, v => v.Contains(TestClients.ApiKey, StringComparison.Ordinal));
        Assert.Equal(Video, destination.ToArray());
    }

    [Theory]
    [InlineData("/v1/videos/video_68e9/content")]
    [InlineData("https://gateway.example.com/v1/videos/video_68e9/content")]
    public async Task A_path_or_URL_on_the_gateway_is_fetched_with_the_key(string url)
    {
        FakeHandler gateway = ServingVideo();
        using JuheClient client = ClientFor(gateway);
        using var destination = new MemoryStream();

        await client.DownloadAsync(url, destination);

        RecordedRequest sent = Assert.Single(gateway.Requests);
        Assert.Equal(Gateway + "/v1/videos/video_68e9/content", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        Assert.Equal(Video, destination.ToArray());
    }

    [Theory]
    [InlineData("http://gateway.example.com/v1/videos/x/content")]
    [InlineData("https://gateway.example.com:8443/v1/videos/x/content")]
    [InlineData("https://gateway.example.com.evil.example/v1/videos/x/content")]
    [InlineData("https://evil.example/gateway.example.com/v1/videos/x/content")]
    public async Task A_URL_that_only_resembles_the_gateway_gets_no_credentials(string url)
    {
        FakeHandler host = ServingVideo();
        using JuheClient client = ClientFor(host);

        await client.DownloadAsync(url, Stream.Null);

        Assert.Null(Assert.Single(host.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task A_gateway_below_a_base_path_keeps_its_prefix_and_its_credentials()
    {
        FakeHandler gateway = ServingVideo();
        using JuheClient client = TestClients.Create(gateway, maxRetries: 0, baseUrl: new Uri("https://gateway.example.com/proxy/"));

        await client.DownloadAsync("https://gateway.example.com/proxy/v1/videos/x/content?variant=video", Stream.Null);
        await client.DownloadAsync("/v1/videos/y/content", Stream.Null);

        Assert.Equal(
            ["https://gateway.example.com/proxy/v1/videos/x/content?variant=video", "https://gateway.example.com/proxy/v1/videos/y/content"],
            gateway.Requests.Select(r => r.Uri.AbsoluteUri));
        Assert.All(gateway.Requests, r => Assert.Equal("Bearer " + TestClients.ApiKey, r.Header("Authorization")));
    }

    [Fact]
    public async Task An_expired_URL_raises_the_status_and_says_why_without_quoting_the_signature()
    {
        FakeHandler cdn = FakeHandler.Answering(() => Responses.Text(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", "application/xml"));
        using JuheClient client = ClientFor(cdn);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.DownloadAsync(SignedCdnUrl, Stream.Null));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Contains("https://cdn.example/v/out.mp4", e.Message, StringComparison.Ordinal);
        Assert.Contains("expire", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_is_not_read_until_the_caller_reads_it()
    {
        var body = new ScriptedStream();
        FakeHandler cdn = FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, body, "video/mp4"));
        using JuheClient client = ClientFor(cdn);

        using JuheBinaryResponse file = await client.OpenDownloadAsync(SignedCdnUrl);
        body.Push([1, 2, 3]);
        byte[] buffer = new byte[16];
        int read = await file.Content.ReadAsync(buffer);
        body.Push([4]);
        body.End();
        using var rest = new MemoryStream();
        await file.CopyToAsync(rest);

        Assert.Equal("video/mp4", file.ContentType);
        Assert.Equal([1, 2, 3], buffer[..read]);
        Assert.Equal([4], rest.ToArray());
    }

    [Fact]
    public async Task DownloadAsync_to_a_path_writes_the_whole_file()
    {
        string path = Path.Combine(Path.GetTempPath(), "juhe-download-" + Guid.NewGuid().ToString("N") + ".mp4");
        using JuheClient client = ClientFor(ServingVideo());
        try
        {
            await client.DownloadAsync(SignedCdnUrl, path);

            Assert.Equal(Video, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("", "url")]
    [InlineData("ftp://cdn.example/v.mp4", "scheme 'ftp'")]
    [InlineData("cdn.example/v.mp4", "neither an absolute http(s) URL nor a path")]
    public async Task A_URL_that_cannot_be_downloaded_is_refused_before_anything_is_sent(string url, string expected)
    {
        FakeHandler host = ServingVideo();
        using JuheClient client = ClientFor(host);

        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.DownloadAsync(url, Stream.Null));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(host.Requests);
    }
}
