using Juhe.Http;
using Juhe.Seedance;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>Doubao Seedance (catalogue §14.7): create from text and image items, get, list with filters, and a task polled to its end.</summary>
public class SeedanceTests
{
    /// <summary>The catalogue's first-and-last-frame request.</summary>
    internal const string CatalogueRequest =
        """
        {"model":"doubao-seedance-1-0-pro-250528","content":[{"type":"text","text":"小猫从睡觉中醒来并站起身 --rs 720p --dur 5"},
         {"type":"image_url","image_url":{"url":"https://example.com/first.jpg"},"role":"first_frame"},
         {"type":"image_url","image_url":{"url":"https://example.com/last.jpg"},"role":"last_frame"}]}
        """;

    internal const string Id = "cgt-20250405024433-sbj8r";

    /// <summary>The catalogue's task example.</summary>
    internal const string Succeeded =
        """
        {"id":"cgt-20250405024433-sbj8r","model":"doubao-seedance-1-0-pro-250528","status":"succeeded","content":{"video_url":"https://ark-content-generation.example/v.mp4"},
         "usage":{"completion_tokens":108900,"total_tokens":108900},"created_at":1743801873,"updated_at":1743801956,"resolution":"720p","ratio":"16:9","duration":5,"framespersecond":24}
        """;

    internal static string Status(string status) =>
        $$"""{"id":"{{Id}}","model":"doubao-seedance-1-0-pro-250528","status":"{{status}}","created_at":1743801873,"updated_at":1743801900}""";

    private static SeedanceCreateTaskRequest FirstAndLastFrame() =>
        SeedanceCreateTaskRequest.CreateBuilder(
                SeedanceModel.Seedance10Pro,
                [
                    new SeedanceTextContent { Type = "text", Text = "小猫从睡觉中醒来并站起身 --rs 720p --dur 5" },
                    new SeedanceImageContent { Type = "image_url", ImageUrl = new SeedanceImageUrl { Url = "https://example.com/first.jpg" }, Role = SeedanceImageRole.FirstFrame },
                    new SeedanceImageContent { Type = "image_url", ImageUrl = new SeedanceImageUrl { Url = "https://example.com/last.jpg" }, Role = SeedanceImageRole.LastFrame },
                ])
            .Build();

    [Fact]
    public async Task CreateVideoAsync_posts_the_catalogue_first_and_last_frame_request()
    {
        FakeHandler gateway = Answering($$"""{"id":"{{Id}}"}""");
        using JuheClient client = ClientFor(gateway);

        SeedanceTaskCreated created = await client.Seedance.CreateVideoAsync(FirstAndLastFrame());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/volc/v1/contents/generations/tasks", CatalogueRequest);
        Assert.Equal(Id, created.Id);
    }

    [Fact]
    public async Task Reference_images_base64_images_and_the_top_level_options_go_out_as_documented()
    {
        FakeHandler gateway = Answering($$"""{"id":"{{Id}}"}""");
        using JuheClient client = ClientFor(gateway);
        SeedanceCreateTaskRequest request = SeedanceCreateTaskRequest.CreateBuilder(
                SeedanceModel.Seedance10LiteImageToVideo,
                [
                    new SeedanceTextContent { Type = "text", Text = "两只猫玩耍" },
                    new SeedanceImageContent { Type = "image_url", ImageUrl = new SeedanceImageUrl { Url = "data:image/png;base64,iVBORw0KGgo=" }, Role = SeedanceImageRole.ReferenceImage },
                    new SeedanceImageContent { Type = "image_url", ImageUrl = new SeedanceImageUrl { Url = "https://example.com/cat2.jpg" }, Role = SeedanceImageRole.ReferenceImage },
                ])
            .WithResolution(SeedanceResolution.P1080)
            .WithRatio(SeedanceRatio.Adaptive)
            .WithDuration(10)
            .WithSeed(-1)
            .WithCameraFixed(true)
            .WithWatermark(false)
            .WithReturnLastFrame(true)
            .WithCallbackUrl("https://my.app/hook")
            .Build();

        await client.Seedance.CreateVideoAsync(request);

        JsonAssert.Equivalent(
            """
            {"model":"doubao-seedance-1-0-lite-i2v-250428","content":[{"type":"text","text":"两只猫玩耍"},
             {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="},"role":"reference_image"},
             {"type":"image_url","image_url":{"url":"https://example.com/cat2.jpg"},"role":"reference_image"}],
             "resolution":"1080p","ratio":"adaptive","duration":10,"seed":-1,"camera_fixed":true,"watermark":false,"return_last_frame":true,"callback_url":"https://my.app/hook"}
            """,
            Assert.Single(gateway.Requests).BodyText);
    }

    [Fact]
    public async Task GetTaskAsync_reads_the_catalogue_task()
    {
        FakeHandler gateway = Answering(Succeeded);
        using JuheClient client = ClientFor(gateway);

        SeedanceTask task = await client.Seedance.GetTaskAsync(Id);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, $"/volc/v1/contents/generations/tasks/{Id}");
        Assert.Equal("https://ark-content-generation.example/v.mp4", task.Content!.VideoUrl);
        Assert.Equal(108900L, task.Usage!.TotalTokens);
        Assert.Equal(24, task.FramesPerSecond);
    }

    [Fact]
    public async Task ListAsync_sends_paging_and_every_filter_repeating_the_ids()
    {
        FakeHandler gateway = Answering("""{"items":[""" + Succeeded + """],"total":1}""");
        using JuheClient client = ClientFor(gateway);

        SeedanceTaskList page = await client.Seedance.ListAsync(pageNumber: 1, pageSize: 10, status: "succeeded", taskIds: [Id, "cgt-2"], model: "doubao-seedance-1-0-pro-250528");

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get,
            $"/volc/v1/contents/generations/tasks?page_num=1&page_size=10&filter.status=succeeded&filter.task_ids={Id}&filter.task_ids=cgt-2&filter.model=doubao-seedance-1-0-pro-250528");
        Assert.Equal(1, page.Total);
        Assert.Equal("succeeded", Assert.Single(page.Items!).Status);
    }

    [Fact]
    public async Task ListAsync_without_filters_sends_no_query()
    {
        FakeHandler gateway = Answering("""{"items":[],"total":0}""");
        using JuheClient client = ClientFor(gateway);

        await client.Seedance.ListAsync();

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, "/volc/v1/contents/generations/tasks");
    }

    [Fact]
    public async Task RunCreateVideoAsync_polls_queued_and_running_until_the_video_URL()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering($$"""{"id":"{{Id}}"}""", Status("queued"), Status("running"), Succeeded);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<SeedanceTask>>();

        JuheTaskSnapshot<SeedanceTask> done = await clock.RunAsync(client.Seedance.RunCreateVideoAsync(FirstAndLastFrame(), progress, Polling(clock)));

        Assert.Equal(["https://ark-content-generation.example/v.mp4"], done.ResultUrls);
        Assert.Equal([JuheTaskState.Queued, JuheTaskState.Running, JuheTaskState.Succeeded], progress.Reports.Select(r => r.State));
    }

    [Fact]
    public async Task A_cancelled_task_raises_JuheTaskCancelledException_and_a_failed_one_without_error_JuheTaskFailedException()
    {
        var clock = new VirtualClock();
        using JuheClient cancelled = ClientFor(Answering(Status("running"), Status("cancelled")));
        using JuheClient failed = ClientFor(Answering(Status("failed")));

        var cancellation = await Assert.ThrowsAsync<JuheTaskCancelledException>(() => clock.RunAsync(cancelled.Seedance.WaitTaskAsync(Id, polling: Polling(clock))));
        var failure = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(failed.Seedance.WaitTaskAsync(Id, polling: Polling(clock))));

        Assert.Equal("cancelled", cancellation.RawStatus);
        Assert.Equal("failed", failure.RawStatus);
    }

    [Fact]
    public async Task A_failed_task_raises_JuheTaskFailedException_with_Ark_s_error_message_as_the_reason()
    {
        // Ark's failed task carries "error":{code,message} beside its status: the task describing
        // its own failure, which the poller reports with error.message as the reason.
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(
            $$"""{"id":"{{Id}}","status":"failed","error":{"code":"OutputVideoSensitiveContentDetected","message":"The output video may contain sensitive content."}""" + "}"));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(client.Seedance.WaitTaskAsync(Id, polling: Polling(clock))));

        Assert.Equal("The output video may contain sensitive content.", e.FailureReason);
    }

    [Fact]
    public Task CreateVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Seedance.CreateVideoAsync(FirstAndLastFrame()));

    [Fact]
    public Task GetTaskAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Seedance.GetTaskAsync(Id));

    [Fact]
    public Task ListAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Seedance.ListAsync(status: "failed"));
}
