using Juhe.Http;
using Juhe.Jimeng;
using Juhe.Tasks;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>Jimeng video (catalogue §14.5): submit, fetch, and a task polled through new-api's task statuses.</summary>
public class JimengTests
{
    internal const string CatalogueRequest = """{"prompt":"一只小猪在高速公路上快乐的奔跑","duration":5,"aspect_ratio":"21:9","cfg_scale":0.5}""";

    internal const string TaskId = "cgt-20250829165122-qkwch";

    internal const string Submitted =
        """{"code":0,"message":"SUCCEED","request_id":"r-1","data":{"task_id":"cgt-20250829165122-qkwch","task_status":"submitted","created_at":1756457482000,"updated_at":1756457482000}}""";

    /// <summary>The catalogue's fetch example.</summary>
    internal const string Success =
        """{"code":"success","message":"","data":{"task_id":"cgt-20250829165122-qkwch","action":"generate","status":"SUCCESS","progress":"100%","fail_reason":"","result_url":"https://cdn.example/jimeng.mp4"}}""";

    internal static string Row(string status, string progress, string failReason = "") =>
        $$"""{"code":"success","message":"","data":{"task_id":"{{TaskId}}","action":"generate","status":"{{status}}","progress":"{{progress}}","fail_reason":"{{failReason}}","submit_time":1756457482,"data":{"upstream":"raw"}""" + "}}";

    private static JimengVideoRequest PigRequest() =>
        JimengVideoRequest.CreateBuilder("一只小猪在高速公路上快乐的奔跑")
            .WithDuration(5)
            .WithAspectRatio(JimengAspectRatio.Wide21x9)
            .WithCfgScale(0.5)
            .Build();

    [Fact]
    public async Task CreateVideoAsync_posts_the_catalogue_request_and_reads_the_upstream_style_answer()
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        JimengVideoSubmitResponse submitted = await client.Jimeng.CreateVideoAsync(PigRequest());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/jimeng/submit/videos", CatalogueRequest);
        Assert.Equal(0, submitted.Code!.Number);
        Assert.Equal(TaskId, submitted.Data!.TaskId);
        Assert.Equal("submitted", submitted.Data.TaskStatus);
    }

    [Fact]
    public async Task GetVideoAsync_reads_the_catalogue_row_with_its_result_URL()
    {
        FakeHandler gateway = Answering(Success);
        using JuheClient client = ClientFor(gateway);

        JimengVideoTaskResponse answer = await client.Jimeng.GetVideoAsync(TaskId);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, $"/jimeng/fetch/{TaskId}");
        Assert.Equal("success", answer.Code!.Text);
        Assert.Equal("https://cdn.example/jimeng.mp4", answer.Data!.ResultUrl);
        Assert.Equal("100%", answer.Data.Progress);
    }

    [Fact]
    public async Task RunCreateVideoAsync_reports_percent_progress_until_the_result_URL()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(Submitted, Row("SUBMITTED", "0%"), Row("IN_PROGRESS", "45%"), Success);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<JimengVideoTaskResponse>>();

        JuheTaskSnapshot<JimengVideoTaskResponse> done = await clock.RunAsync(client.Jimeng.RunCreateVideoAsync(PigRequest(), progress, Polling(clock)));

        Assert.Equal(["https://cdn.example/jimeng.mp4"], done.ResultUrls);
        Assert.Equal([0, 45, 100], progress.Reports.Select(r => r.ProgressPercent));
        Assert.Equal(JuheTaskState.Succeeded, done.State);
    }

    [Fact]
    public async Task A_FAILURE_row_raises_with_its_fail_reason()
    {
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(Row("IN_PROGRESS", "10%"), Row("FAILURE", "100%", "内容审核未通过")));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(client.Jimeng.WaitVideoAsync(TaskId, polling: Polling(clock))));

        Assert.Equal("FAILURE", e.RawStatus);
        Assert.Equal("内容审核未通过", e.FailureReason);
    }

    [Fact]
    public Task CreateVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Jimeng.CreateVideoAsync(PigRequest()));

    [Fact]
    public Task GetVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Jimeng.GetVideoAsync(TaskId));
}
