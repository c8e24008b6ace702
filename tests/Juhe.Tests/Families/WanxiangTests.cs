using System.Net;
using Juhe.Http;
using Juhe.Tasks;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using Juhe.Wanxiang;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>Tongyi Wanxiang in DashScope's format (catalogue §14.9): video-synthesis with its async header, the task query, and a task polled to its end.</summary>
public class WanxiangTests
{
    internal const string CatalogueRequest =
        """{"model":"wan2.2-i2v-plus","input":{"prompt":"改变一下光线","img_url":"https://example.com/a.png"},"parameters":{"resolution":"480P","duration":5,"prompt_extend":true}}""";

    internal const string TaskId = "a55bfe14-0bd7-4c2a-9f4e-4d0a3b0c1e2f";

    internal const string Submitted =
        """{"request_id":"ec8f059e-1","output":{"task_id":"a55bfe14-0bd7-4c2a-9f4e-4d0a3b0c1e2f","task_status":"PENDING"}}""";

    /// <summary>The catalogue's query example.</summary>
    internal const string Succeeded =
        """{"request_id":"ec8f059e-2","output":{"task_id":"a55bfe14-0bd7-4c2a-9f4e-4d0a3b0c1e2f","task_status":"SUCCEEDED","video_url":"https://dashscope-result-bj.example/v.mp4","submit_time":"2025-10-11 18:55:56.952","end_time":"2025-10-11 19:02:27.297"},"usage":{"SR":480,"duration":5,"video_count":1}}""";

    internal static string Status(string status, string extra = "") =>
        $$"""{"request_id":"r","output":{"task_id":"{{TaskId}}","task_status":"{{status}}"{{extra}}""" + "}}";

    private static WanxiangVideoRequest LightRequest() =>
        WanxiangVideoRequest.CreateBuilder(
                WanxiangModel.Wan22ImageToVideoPlus,
                new WanxiangVideoInput { Prompt = "改变一下光线", ImgUrl = "https://example.com/a.png" })
            .WithParameters(new WanxiangVideoParameters { Resolution = WanxiangResolution.P480, Duration = 5, PromptExtend = true })
            .Build();

    [Fact]
    public async Task CreateVideoAsync_posts_the_catalogue_request_with_the_async_header()
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        WanxiangTaskResponse submitted = await client.Wanxiang.CreateVideoAsync(LightRequest());

        RecordedRequest sent = Assert.Single(gateway.Requests);
        AssertSent(sent, HttpMethod.Post, "/alibailian/api/v1/services/aigc/video-generation/video-synthesis", CatalogueRequest);
        Assert.Equal("enable", sent.Header("X-DashScope-Async"));
        Assert.Equal(TaskId, submitted.Output!.TaskId);
        Assert.Equal("PENDING", submitted.Output.TaskStatus);
    }

    [Fact]
    public async Task A_text_to_video_request_carries_its_size_negative_prompt_and_seed()
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        await client.Wanxiang.CreateVideoAsync(WanxiangVideoRequest.CreateBuilder(
                WanxiangModel.Wanx21TextToVideoTurbo, new WanxiangVideoInput { Prompt = "海边日落", NegativePrompt = "人物" })
            .WithParameters(new WanxiangVideoParameters { Size = "1280*720", Seed = 12345, Watermark = false })
            .Build());

        Tests.Generated.JsonAssert.Equivalent(
            """{"model":"wanx2.1-t2v-turbo","input":{"prompt":"海边日落","negative_prompt":"人物"},"parameters":{"size":"1280*720","seed":12345,"watermark":false}}""",
            Assert.Single(gateway.Requests).BodyText);
    }

    [Fact]
    public async Task GetTaskAsync_reads_the_catalogue_task_with_its_usage()
    {
        FakeHandler gateway = Answering(Succeeded);
        using JuheClient client = ClientFor(gateway);

        WanxiangTaskResponse task = await client.Wanxiang.GetTaskAsync(TaskId);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, $"/alibailian/api/v1/tasks/{TaskId}");
        Assert.Equal("https://dashscope-result-bj.example/v.mp4", task.Output!.VideoUrl);
        Assert.Equal(480, task.Usage!.OutputResolution);
        Assert.Equal("2025-10-11 19:02:27.297", task.Output.EndTime);
    }

    [Fact]
    public async Task RunCreateVideoAsync_polls_through_UNKNOWN_to_the_video()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(Submitted, Status("PENDING"), Status("RUNNING"), Status("UNKNOWN"), Succeeded);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<WanxiangTaskResponse>>();

        JuheTaskSnapshot<WanxiangTaskResponse> done = await clock.RunAsync(client.Wanxiang.RunCreateVideoAsync(LightRequest(), progress: progress, polling: Polling(clock)));

        Assert.Equal(["https://dashscope-result-bj.example/v.mp4"], done.ResultUrls);
        Assert.Equal(
            [JuheTaskState.Queued, JuheTaskState.Running, JuheTaskState.Unknown, JuheTaskState.Succeeded],
            progress.Reports.Select(r => r.State));
    }

    [Fact]
    public async Task A_FAILED_task_raises_with_DashScope_s_message_and_CANCELED_as_cancelled()
    {
        var clock = new VirtualClock();
        using JuheClient failing = ClientFor(Answering(Status("FAILED", ""","code":"DataInspectionFailed","message":"Input data may contain inappropriate content." """)));
        using JuheClient cancelled = ClientFor(Answering(Status("CANCELED")));

        var failure = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(failing.Wanxiang.WaitTaskAsync(TaskId, polling: Polling(clock))));
        var cancellation = await Assert.ThrowsAsync<JuheTaskCancelledException>(() => clock.RunAsync(cancelled.Wanxiang.WaitTaskAsync(TaskId, polling: Polling(clock))));

        Assert.Equal("Input data may contain inappropriate content.", failure.FailureReason);
        Assert.Equal("CANCELED", cancellation.RawStatus);
    }

    [Fact]
    public async Task DashScope_s_own_error_shape_raises_with_its_code_and_message()
    {
        using JuheClient client = ClientFor(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.BadRequest,
            """{"request_id":"r-9","code":"InvalidParameter","message":"The size is not match the allowed size ['1280*720']"}""")));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Wanxiang.CreateVideoAsync(LightRequest()));

        Assert.Equal("InvalidParameter", e.ErrorCode);
        Assert.Contains("The size is not match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task CreateVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Wanxiang.CreateVideoAsync(LightRequest()));

    [Fact]
    public Task GetTaskAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Wanxiang.GetTaskAsync(TaskId));
}
