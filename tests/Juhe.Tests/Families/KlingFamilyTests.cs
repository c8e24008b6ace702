using System.Net;
using Juhe.Http;
using Juhe.Kling;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Families;

/// <summary>The generated Kling client (catalogue §14.3): request bodies with every documented option, the task-code envelope, and the poller through Run/Submit/Wait.</summary>
public sealed class KlingFamilyTests
{
    private const string TaskId = "CjMT7WdSwWcAAAAAALvB3g";

    private const string Submitted = """
        {"code":0,"message":"SUCCEED","request_id":"CjMT7WdSwWcAAAAAALvB3g","data":{"task_id":"CjMT7WdSwWcAAAAAALvB3g","task_status":"submitted","task_info":{"external_task_id":"mine-1"},"created_at":1733851336696,"updated_at":1733851336696}}
        """;

    private static string Poll(string status, string extra = "") =>
        $$$"""{"code":0,"message":"SUCCEED","request_id":"r","data":{"task_id":"{{{TaskId}}}","task_status":"{{{status}}}","created_at":1733851336696,"updated_at":1733851436696{{{extra}}}}}""";

    private const string Succeeded = """
        {"code":0,"message":"SUCCEED","request_id":"CjMT7WdSwWcAAAAAALvB3g","data":{"task_id":"CjMT7WdSwWcAAAAAALvB3g","task_status":"succeed","task_status_msg":"",
         "created_at":1733851336696,"updated_at":1733851436696,"task_result":{"videos":[{"id":"v1","url":"https://cdn.kling.example/out.mp4","duration":"5.1"}]}}}
        """;

    private static JuheTaskPollingOptions Polling(VirtualClock clock) => new() { TimeProvider = clock, Jitter = 0 };

    private static HttpResponseMessage Json(string json) => Responses.Json(HttpStatusCode.OK, json);

    [Fact]
    public async Task Text2video_sends_every_documented_option_with_the_duration_as_a_string()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Json(Submitted));
        using JuheClient client = Create(gateway);
        KlingText2VideoRequest request = KlingText2VideoRequest.CreateBuilder("an astronaut stands up and walks away")
            .WithModelName(KlingVideoModel.KlingV2_1).WithMode(KlingMode.Standard).WithAspectRatio(KlingVideoAspectRatio.Landscape16x9)
            .WithDuration(KlingDuration.Seconds5).WithCfgScale(0.5).WithNegativePrompt("blur").WithSound(KlingSound.Off)
            .WithCameraControl(new KlingCameraControl { Type = KlingCameraControlType.Simple, Config = new KlingCameraConfig { Zoom = 5 } })
            .WithCallbackUrl("https://my.app/kling-hook").WithExternalTaskId("mine-1").Build();

        KlingTaskResponse answer = await client.Kling.Text2VideoAsync(request);

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal((HttpMethod.Post, "/kling/v1/videos/text2video", "Bearer " + ApiKey), (sent.Method, sent.Uri.AbsolutePath, sent.Header("Authorization")));
        JsonAssert.Equivalent("""
            {"model_name":"kling-v2-1","prompt":"an astronaut stands up and walks away","negative_prompt":"blur","cfg_scale":0.5,"mode":"std","aspect_ratio":"16:9","duration":"5","sound":"off",
             "camera_control":{"type":"simple","config":{"zoom":5}},"callback_url":"https://my.app/kling-hook","external_task_id":"mine-1"}
            """, sent.BodyText);
        Assert.Equal((TaskId, "submitted", "mine-1"), (answer.Data!.TaskId, answer.Data.TaskStatus, answer.Data.TaskInfo!.ExternalTaskId));
        Assert.Equal(0, answer.Code!.Int32);
    }

    [Fact]
    public async Task Image2video_sends_the_first_and_last_frames_and_the_masks()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Json(Submitted));
        using JuheClient client = Create(gateway);
        KlingImage2VideoRequest request = KlingImage2VideoRequest.CreateBuilder("https://example.com/first.jpg")
            .WithImageTail("https://example.com/last.jpg").WithPrompt("turn around").WithModelName("kling-v9-preview").WithDuration("10")
            .AddDynamicMask(new KlingDynamicMask { Mask = "https://example.com/mask.png", Trajectories = [new KlingPoint { X = 1, Y = 2 }, new KlingPoint { X = 3, Y = 4 }] })
            .Build();

        await client.Kling.Image2VideoAsync(request);

        Assert.Equal("/kling/v1/videos/image2video", gateway.Requests[0].Uri.AbsolutePath);
        JsonAssert.Equivalent("""
            {"model_name":"kling-v9-preview","image":"https://example.com/first.jpg","image_tail":"https://example.com/last.jpg","prompt":"turn around","duration":"10",
             "dynamic_masks":[{"mask":"https://example.com/mask.png","trajectories":[{"x":1,"y":2},{"x":3,"y":4}]}]}
            """, gateway.Requests[0].BodyText);
    }

    [Fact]
    public async Task Image_generation_sends_its_options_and_waits_for_the_image_urls()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(
            () => Json(Submitted),
            () => Json(Poll("succeed", ""","task_result":{"images":[{"index":0,"url":"https://cdn.kling.example/0.png"},{"index":1,"url":"https://cdn.kling.example/1.png"}]}""")));
        using JuheClient client = Create(gateway);
        KlingImageRequest request = KlingImageRequest.CreateBuilder("a red fox").WithModelName(KlingImageModel.KlingV2_1).WithN(2)
            .WithAspectRatio(KlingImageAspectRatio.Ratio3x2).WithImageReference(KlingImageRequestImageReference.Subject).WithImageFidelity(0.4)
            .WithHumanFidelity(0.6).WithResolution(KlingImageRequestResolution.Resolution2k).WithImage("https://example.com/ref.png").Build();

        JuheTaskSnapshot<KlingTaskResponse> done = await clock.RunAsync(client.Kling.RunGenerateImagesAsync(request, polling: Polling(clock)));

        JsonAssert.Equivalent("""
            {"model_name":"kling-v2-1","prompt":"a red fox","image":"https://example.com/ref.png","image_reference":"subject","image_fidelity":0.4,"human_fidelity":0.6,"n":2,"aspect_ratio":"3:2","resolution":"2k"}
            """, gateway.Requests[0].BodyText);
        Assert.Equal($"/kling/v1/images/generations/{TaskId}", gateway.Requests[1].Uri.AbsolutePath);
        Assert.Equal(["https://cdn.kling.example/0.png", "https://cdn.kling.example/1.png"], done.ResultUrls);
    }

    [Fact]
    public async Task Run_polls_the_task_through_its_progress_until_the_video_is_there()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(
            () => Json(Submitted),
            () => Json(Poll("submitted")),
            () => Json(Poll("processing", ""","progress":"40%" """)),
            () => Json(Poll("processing", ""","progress":"80%" """)),
            () => Json(Succeeded));
        using JuheClient client = Create(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<KlingTaskResponse>>();

        JuheTaskSnapshot<KlingTaskResponse> done = await clock.RunAsync(
            client.Kling.RunText2VideoAsync(KlingText2VideoRequest.CreateBuilder("waves").Build(), progress, Polling(clock)));

        Assert.Equal((JuheTaskState.Succeeded, "succeed", TaskId), (done.State, done.RawStatus, done.TaskId));
        Assert.Equal(["https://cdn.kling.example/out.mp4"], done.ResultUrls);
        Assert.Equal("5.1", done.Payload.Data!.TaskResult!.Videos![0].Duration);
        Assert.Equal([JuheTaskState.Queued, JuheTaskState.Running, JuheTaskState.Running, JuheTaskState.Succeeded], progress.Reports.Select(r => r.State));
        Assert.Equal([null, 40, 80, null], progress.Reports.Select(r => r.ProgressPercent));
        Assert.All(gateway.Requests.Skip(1), r => Assert.Equal($"https://gateway.example.com/kling/v1/videos/text2video/{TaskId}", r.Uri.ToString()));
    }

    [Fact]
    public async Task A_failed_task_raises_with_the_reason_Kling_gave()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(
            () => Json(Submitted),
            () => Json(Poll("failed", ""","task_status_msg":"Failure to pass the risk control system" """)));
        using JuheClient client = Create(gateway);

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(
            client.Kling.RunText2VideoAsync(KlingText2VideoRequest.CreateBuilder("x").Build(), polling: Polling(clock))));

        Assert.Equal(("Failure to pass the risk control system", "failed", TaskId), (e.FailureReason, e.RawStatus, e.TaskId));
    }

    [Fact]
    public async Task A_status_Kling_does_not_document_keeps_the_wait_going()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(
            () => Json(Submitted),
            () => Json(Poll("reviewing")),
            () => Json(Succeeded));
        using JuheClient client = Create(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<KlingTaskResponse>>();

        JuheTaskSnapshot<KlingTaskResponse> done = await clock.RunAsync(
            client.Kling.RunText2VideoAsync(KlingText2VideoRequest.CreateBuilder("x").Build(), progress, Polling(clock)));

        Assert.Equal((JuheTaskState.Unknown, "reviewing"), (progress.Reports[0].State, progress.Reports[0].RawStatus));
        Assert.Equal(JuheTaskState.Succeeded, done.State);
    }

    [Fact]
    public async Task A_poll_answered_with_503_is_polled_through()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(
            () => Json(Submitted),
            () => Responses.OpenAiError(HttpStatusCode.ServiceUnavailable, "upstream_error"),
            () => Json(Succeeded));
        using JuheClient client = Create(gateway, maxRetries: 0);

        JuheTaskSnapshot<KlingTaskResponse> done = await clock.RunAsync(
            client.Kling.RunText2VideoAsync(KlingText2VideoRequest.CreateBuilder("x").Build(), polling: Polling(clock)));

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal(3, gateway.Requests.Count);
    }

    [Fact]
    public async Task A_success_whose_reason_is_the_result_URL_counts_the_URL_as_the_result()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(() => Json(Poll("succeed", ""","task_status_msg":"https://cdn.kling.example/legacy.mp4" """)));
        using JuheClient client = Create(gateway);

        JuheTaskSnapshot<KlingTaskResponse> done = await clock.RunAsync(client.Kling.WaitImage2VideoTaskAsync(TaskId, polling: Polling(clock)));

        Assert.Equal(["https://cdn.kling.example/legacy.mp4"], done.ResultUrls);
        Assert.Null(done.FailureReason);
        Assert.Equal($"/kling/v1/videos/image2video/{TaskId}", gateway.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Submit_returns_a_handle_that_waits_later_by_id()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(() => Json(Submitted), () => Json(Succeeded));
        using JuheClient client = Create(gateway);

        JuheTaskHandle<KlingTaskResponse> handle = await client.Kling.SubmitText2VideoAsync(KlingText2VideoRequest.CreateBuilder("x").Build(), Polling(clock));
        JuheTaskSnapshot<KlingTaskResponse> done = await clock.RunAsync(handle.WaitAsync());

        Assert.Equal(TaskId, handle.Id);
        Assert.Equal(JuheTaskState.Succeeded, done.State);
    }

    [Theory]
    [InlineData("""{"code":1201,"message":"invalid model_name","request_id":"r1"}""", "invalid model_name")]
    [InlineData("""{"code":"task_not_exist","message":"task_not_exist","data":null}""", "task_not_exist")]
    public async Task A_2xx_answer_with_a_failing_code_raises_with_the_message(string body, string message)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Json(body)));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Kling.Text2VideoAsync(KlingText2VideoRequest.CreateBuilder("x").Build()));

        Assert.Equal((JuheErrorKind.Gateway, message), (e.Kind, e.ErrorMessage));
    }

    [Fact]
    public async Task A_submit_answer_without_a_task_id_raises_naming_the_path()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Json("""{"code":0,"message":"SUCCEED","data":{"task_id":""}}""")));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Kling.SubmitText2VideoAsync(KlingText2VideoRequest.CreateBuilder("x").Build()));

        Assert.Contains("no task id at 'data.task_id'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_callback_body_reads_as_a_KlingTask()
    {
        const string callback = """
            {"task_id":"CjMT7WdSwWcAAAAAALvB3g","task_status":"succeed","task_status_msg":"","task_info":{"parent_video":{"id":"p1","url":"https://cdn.kling.example/p.mp4","duration":"5"},"external_task_id":"mine-1"},
             "created_at":1733851336696,"updated_at":1733851436696,"task_result":{"videos":[{"id":"v1","url":"https://cdn.kling.example/out.mp4","duration":"5.1"}]}}
            """;

        KlingTask task = System.Text.Json.JsonSerializer.Deserialize(callback, Juhe.JuheJsonContext.Default.KlingTask)!;

        Assert.Equal((TaskId, "succeed", "mine-1", "p1"), (task.TaskId, task.TaskStatus, task.TaskInfo!.ExternalTaskId, task.TaskInfo.ParentVideo!.Id));
        Assert.Equal(1733851436696L, task.UpdatedAt);
        Assert.Equal("https://cdn.kling.example/out.mp4", task.TaskResult!.Videos![0].Url);
    }
}
