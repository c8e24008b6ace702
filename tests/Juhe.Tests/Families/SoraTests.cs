using System.Net;
using System.Text;
using Juhe.Http;
using Juhe.Sora;
using Juhe.Tasks;
using Juhe.Tests.Engine;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>Sora-2 through OpenAI's video API (catalogue §14.8): create (JSON and multipart), get, remix, the content download, and a video polled to its end.</summary>
public class SoraTests
{
    internal const string CatalogueRequest =
        """{"model":"sora-2","prompt":"She turns around and smiles","seconds":"8","size":"1280x720","input_reference":"https://example.com/first.jpg"}""";

    internal const string Id = "video_68e9";

    /// <summary>The catalogue's object example.</summary>
    internal const string Completed =
        """{"id":"video_68e9","object":"video","model":"sora-2","status":"completed","progress":100,"created_at":1760000000,"completed_at":1760000200,"seconds":"8","size":"1280x720"}""";

    internal static string Status(string status, int progress) =>
        $$"""{"id":"{{Id}}","object":"video","model":"sora-2","status":"{{status}}","progress":{{progress}},"created_at":1760000000,"seconds":"8","size":"1280x720"}""";

    private static SoraCreateVideoRequest Smile(bool withUrl = true)
    {
        SoraCreateVideoRequestBuilder builder = SoraCreateVideoRequest.CreateBuilder(SoraModel.Sora2, "She turns around and smiles")
            .WithSeconds(SoraSeconds.Eight)
            .WithSize(SoraSize.Landscape1280x720);
        return (withUrl ? builder.WithInputReference("https://example.com/first.jpg") : builder).Build();
    }

    [Fact]
    public async Task CreateVideoAsync_posts_the_catalogue_JSON_and_reads_the_queued_video()
    {
        FakeHandler gateway = Answering(Status("queued", 0));
        using JuheClient client = ClientFor(gateway);

        SoraVideo video = await client.Sora.CreateVideoAsync(Smile());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/v1/videos", CatalogueRequest);
        Assert.Equal(Id, video.Id);
        Assert.Equal("queued", video.Status);
    }

    [Fact]
    public async Task CreateVideoWithReferenceAsync_sends_each_field_and_the_image_as_multipart_parts()
    {
        FakeHandler gateway = Answering(Status("queued", 0));
        using JuheClient client = ClientFor(gateway);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1, 2];

        await client.Sora.CreateVideoWithReferenceAsync(Smile(withUrl: false), JuheFile.FromBytes(png, "first.png", "image/png"));

        RecordedRequest sent = Assert.Single(gateway.Requests);
        Assert.Equal(Gateway + "/v1/videos", sent.Uri.AbsoluteUri);
        Assert.StartsWith("multipart/form-data", sent.ContentType, StringComparison.Ordinal);
        IReadOnlyList<MultipartPart> parts = MultipartPart.Parse(sent.ContentType!, sent.Body!);
        Assert.Equal(["sora-2", "She turns around and smiles", "8", "1280x720"], parts.Take(4).Select(p => p.Text));
        Assert.Contains("name=\"model\"", parts[0].Disposition, StringComparison.Ordinal);
        Assert.Contains("name=\"input_reference\"", parts[4].Disposition, StringComparison.Ordinal);
        Assert.Contains("filename=\"first.png\"", parts[4].Disposition, StringComparison.Ordinal);
        Assert.Equal("image/png", parts[4].ContentType);
        Assert.Equal(png, parts[4].Body);
    }

    [Fact]
    public async Task A_reference_given_both_as_URL_and_as_file_is_refused_before_sending()
    {
        FakeHandler gateway = Answering(Status("queued", 0));
        using JuheClient client = ClientFor(gateway);

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Sora.CreateVideoWithReferenceAsync(Smile(withUrl: true), JuheFile.FromBytes(new byte[] { 1 }, "a.png")));

        Assert.Contains("input_reference as a URL and a file", e.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task GetVideoAsync_reads_the_catalogue_object()
    {
        FakeHandler gateway = Answering(Completed);
        using JuheClient client = ClientFor(gateway);

        SoraVideo video = await client.Sora.GetVideoAsync(Id);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, $"/v1/videos/{Id}");
        Assert.Equal(100, video.Progress);
        Assert.Equal(1760000200L, video.CompletedAt);
        Assert.Equal("8", video.Seconds);
    }

    [Fact]
    public async Task DownloadContentAsync_streams_the_mp4()
    {
        byte[] mp4 = Encoding.ASCII.GetBytes("\0\0\0 ftypmp42 the video");
        FakeHandler gateway = FakeHandler.Answering(() =>
        {
            var content = new ByteArrayContent(mp4);
            content.Headers.ContentType = new("video/mp4");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using JuheClient client = ClientFor(gateway);

        using JuheBinaryResponse file = await client.Sora.DownloadContentAsync(Id);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, $"/v1/videos/{Id}/content");
        Assert.Equal("video/mp4", file.ContentType);
        Assert.Equal(mp4, copy.ToArray());
    }

    [Fact]
    public async Task RemixVideoAsync_posts_the_prompt_to_the_video_s_remix_path()
    {
        FakeHandler gateway = Answering(Status("queued", 0).Replace(Id, "video_remix", StringComparison.Ordinal));
        using JuheClient client = ClientFor(gateway);

        SoraVideo remix = await client.Sora.RemixVideoAsync(Id, SoraRemixVideoRequest.CreateBuilder("make it night").Build());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, $"/v1/videos/{Id}/remix", """{"prompt":"make it night"}""");
        Assert.Equal("video_remix", remix.Id);
    }

    [Fact]
    public async Task RunCreateVideoAsync_reports_the_0_to_100_progress_until_completed()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(Status("queued", 0), Status("queued", 0), Status("in_progress", 35), Status("in_progress", 80), Completed);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<SoraVideo>>();

        JuheTaskSnapshot<SoraVideo> done = await clock.RunAsync(client.Sora.RunCreateVideoAsync(Smile(), progress, Polling(clock)));

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal([0, 35, 80, 100], progress.Reports.Select(r => r.ProgressPercent));
        Assert.Empty(done.ResultUrls); // the bytes come from DownloadContentAsync
    }

    [Fact]
    public async Task RunCreateVideoWithReferenceAsync_uploads_then_polls_the_video()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(Status("queued", 0), Completed.Replace("\"size\"", "\"video_url\":\"https://cdn.example/sora.mp4\",\"size\"", StringComparison.Ordinal));
        using JuheClient client = ClientFor(gateway);

        JuheTaskSnapshot<SoraVideo> done = await clock.RunAsync(client.Sora.RunCreateVideoWithReferenceAsync(
            Smile(withUrl: false), JuheFile.FromBytes(new byte[] { 1, 2 }, "f.png", "image/png"), polling: Polling(clock)));

        Assert.Equal(["https://cdn.example/sora.mp4"], done.ResultUrls);
        Assert.Equal(Gateway + $"/v1/videos/{Id}", gateway.Requests[1].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_failed_video_without_an_error_object_raises_JuheTaskFailedException()
    {
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(Status("in_progress", 10), Status("failed", 10)));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(client.Sora.WaitVideoAsync(Id, polling: Polling(clock))));

        Assert.Equal("failed", e.RawStatus);
    }

    [Fact]
    public async Task A_failed_video_raises_JuheTaskFailedException_with_its_error_message_as_the_reason()
    {
        // The catalogue's failed object carries "error":{…} beside its status: the video describing
        // its own failure, which the poller reports with error.message as the reason.
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(
            $$"""{"id":"{{Id}}","object":"video","status":"failed","progress":10,"error":{"message":"moderation_blocked: the prompt was blocked","code":"moderation_blocked"}""" + "}"));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(client.Sora.WaitVideoAsync(Id, polling: Polling(clock))));

        Assert.Equal("moderation_blocked: the prompt was blocked", e.FailureReason);
    }

    [Fact]
    public Task CreateVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Sora.CreateVideoAsync(Smile()));

    [Fact]
    public Task GetVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Sora.GetVideoAsync(Id));

    [Fact]
    public Task RemixVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Sora.RemixVideoAsync(Id, SoraRemixVideoRequest.CreateBuilder("x").Build()));

    [Fact]
    public Task CreateVideoWithReferenceAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Sora.CreateVideoWithReferenceAsync(Smile(withUrl: false), JuheFile.FromBytes(new byte[] { 1 }, "a.png")));

    [Fact]
    public async Task DownloadContentAsync_raises_a_JSON_error_even_with_200()
    {
        using JuheClient client = ClientFor(Answering("""{"error":{"message":"Video is not ready yet","type":"invalid_request_error","code":"video_not_ready"}}"""));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Sora.DownloadContentAsync(Id));

        Assert.Equal("video_not_ready", e.ErrorCode);
    }
}
