using Juhe.Hailuo;
using Juhe.Http;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>Hailuo / MiniMax video (catalogue §14.6): submit, query, files/retrieve, and the file id turned into a URL as part of the run.</summary>
public class HailuoTests
{
    internal const string CatalogueRequest =
        """{"model":"MiniMax-Hailuo-02","prompt":"A mouse runs toward the camera, smiling","first_frame_image":"https://example.com/m.jpg","duration":6,"resolution":"768P","prompt_optimizer":true}""";

    internal const string TaskId = "106916112212032";

    internal const string Submitted = """{"task_id":"106916112212032","base_resp":{"status_code":0,"status_msg":"success"}}""";

    internal const string Success =
        """{"task_id":"106916112212032","status":"Success","file_id":"205258526306433","video_width":1366,"video_height":768,"base_resp":{"status_code":0,"status_msg":"success"}}""";

    internal const string File =
        """{"file":{"file_id":205258526306433,"bytes":5896337,"created_at":1700469398,"filename":"output.mp4","purpose":"video_generation","download_url":"https://cdn.example/hailuo.mp4?sig=1"},"base_resp":{"status_code":0,"status_msg":"success"}}""";

    internal static string Status(string status, string message = "success") =>
        $$"""{"task_id":"{{TaskId}}","status":"{{status}}","file_id":"","base_resp":{"status_code":0,"status_msg":"{{message}}"}""" + "}";

    private static HailuoVideoRequest MouseRequest() =>
        HailuoVideoRequest.CreateBuilder(HailuoModel.Hailuo02)
            .WithPrompt("A mouse runs toward the camera, smiling")
            .WithFirstFrameImage("https://example.com/m.jpg")
            .WithDuration(6)
            .WithResolution(HailuoResolution.P768)
            .WithPromptOptimizer(true)
            .Build();

    [Fact]
    public async Task CreateVideoAsync_posts_the_catalogue_request_and_reads_the_task_id()
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        HailuoVideoSubmitResponse submitted = await client.Hailuo.CreateVideoAsync(MouseRequest());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/minimax/v1/video_generation", CatalogueRequest);
        Assert.Equal(TaskId, submitted.TaskId);
        Assert.Equal(0, submitted.BaseResp!.StatusCode);
    }

    [Fact]
    public async Task Subject_references_last_frames_and_watermarks_go_out_as_documented()
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        await client.Hailuo.CreateVideoAsync(HailuoVideoRequest.CreateBuilder(HailuoModel.S2V01)
            .WithPrompt("[Pan left] she waves")
            .AddSubjectReferenceItem(new HailuoSubjectReference { Type = "character", Image = ["https://example.com/face.jpg"] })
            .WithLastFrameImage("data:image/png;base64,iVBORw0KGgo=")
            .WithCallbackUrl("https://my.app/hook")
            .WithAigcWatermark(false)
            .Build());

        JsonAssert.Equivalent(
            """{"model":"S2V-01","prompt":"[Pan left] she waves","subject_reference":[{"type":"character","image":["https://example.com/face.jpg"]}],"last_frame_image":"data:image/png;base64,iVBORw0KGgo=","callback_url":"https://my.app/hook","aigc_watermark":false}""",
            Assert.Single(gateway.Requests).BodyText);
    }

    [Fact]
    public async Task GetVideoAsync_sends_the_task_id_in_the_query_and_reads_the_catalogue_answer()
    {
        FakeHandler gateway = Answering(Success);
        using JuheClient client = ClientFor(gateway);

        HailuoVideoTask task = await client.Hailuo.GetVideoAsync(TaskId);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, "/minimax/v1/query/video_generation?task_id=106916112212032");
        Assert.Equal("Success", task.Status);
        Assert.Equal("205258526306433", task.FileId);
        Assert.Equal(1366, task.VideoWidth);
    }

    [Fact]
    public async Task RetrieveFileAsync_reads_the_file_with_its_numeric_id_and_download_URL()
    {
        FakeHandler gateway = Answering(File);
        using JuheClient client = ClientFor(gateway);

        HailuoFileResponse answer = await client.Hailuo.RetrieveFileAsync("205258526306433");

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, "/minimax/v1/files/retrieve?file_id=205258526306433");
        Assert.Equal(205258526306433L, answer.File!.FileId!.Number);
        Assert.Equal(5896337L, answer.File.Bytes);
        Assert.Equal("https://cdn.example/hailuo.mp4?sig=1", answer.File.DownloadUrl);
    }

    [Fact]
    public async Task RunCreateVideoWithDownloadUrlAsync_waits_then_retrieves_the_file_and_ends_with_its_URL()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(Submitted, Status("Preparing"), Status("Queueing"), Status("Processing"), Success, File);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<HailuoVideoTask>>();

        JuheTaskSnapshot<HailuoVideoTask> done = await clock.RunAsync(client.Hailuo.RunCreateVideoWithDownloadUrlAsync(MouseRequest(), progress, Polling(clock)));

        Assert.Equal(["https://cdn.example/hailuo.mp4?sig=1"], done.ResultUrls);
        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal("205258526306433", done.Payload.FileId);
        Assert.Equal(
            [JuheTaskState.Queued, JuheTaskState.Queued, JuheTaskState.Running, JuheTaskState.Succeeded],
            progress.Reports.Select(r => r.State));
        Assert.Equal(Gateway + "/minimax/v1/files/retrieve?file_id=205258526306433", gateway.Requests[^1].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_plain_run_ends_without_a_URL_because_the_task_only_names_a_file()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(Submitted, Success);
        using JuheClient client = ClientFor(gateway);

        JuheTaskSnapshot<HailuoVideoTask> done = await clock.RunAsync(client.Hailuo.RunCreateVideoAsync(MouseRequest(), polling: Polling(clock)));

        Assert.Empty(done.ResultUrls);
        Assert.Equal(2, gateway.Requests.Count);
    }

    [Fact]
    public async Task A_failed_task_raises_with_MiniMax_s_status_message()
    {
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(Status("Processing"), Status("Fail", "video generation failed: sensitive content")));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(client.Hailuo.WaitVideoWithDownloadUrlAsync(TaskId, polling: Polling(clock))));

        Assert.Equal("Fail", e.RawStatus);
        Assert.Equal("video generation failed: sensitive content", e.FailureReason);
    }

    [Fact]
    public async Task A_file_query_without_a_URL_raises_quoting_base_resp()
    {
        using JuheClient client = ClientFor(Answering("""{"file":null,"base_resp":{"status_code":1004,"status_msg":"file not found"}}"""));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Hailuo.GetDownloadUrlAsync("42"));

        Assert.Contains("file '42'", e.Message, StringComparison.Ordinal);
        Assert.Contains("1004, \"file not found\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_task_without_a_file_id_raises_naming_the_task()
    {
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(Status("Success")));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => clock.RunAsync(client.Hailuo.WaitVideoWithDownloadUrlAsync(TaskId, polling: Polling(clock))));

        Assert.Contains($"'{TaskId}' succeeded but its answer carries no file_id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task CreateVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Hailuo.CreateVideoAsync(MouseRequest()));

    [Fact]
    public Task GetVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Hailuo.GetVideoAsync(TaskId));

    [Fact]
    public Task RetrieveFileAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Hailuo.RetrieveFileAsync("205258526306433"));
}
