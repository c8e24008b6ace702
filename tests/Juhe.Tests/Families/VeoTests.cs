using Juhe.Http;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using Juhe.Veo;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>The Veo unified video format (catalogue §14.1): create, query, and a task polled to its end.</summary>
public class VeoTests
{
    /// <summary>The catalogue's request example (a frames model with a first frame).</summary>
    internal const string CatalogueRequest =
        """{"model":"veo3-fast-frames","prompt":"slow push-in on a lighthouse at dusk","images":["https://example.com/first.png"],"enhance_prompt":true,"enable_upsample":false,"aspect_ratio":"16:9"}""";

    internal const string TaskId = "veo3-fast-frames:task_01k6x15vhr";

    internal const string Submitted =
        """{"id":"veo3-fast-frames:task_01k6x15vhr","status":"pending","status_update_time":1759763521142,"enhanced_prompt":"Slow push-in…"}""";

    /// <summary>The catalogue's query example.</summary>
    internal const string Completed =
        """{"id":"veo3-fast-frames:task_01k6x15vhr","status":"completed","video_url":"https://cdn.example/v.mp4","enhanced_prompt":"Slow push-in…","status_update_time":1759763621142}""";

    internal static string Status(string status) =>
        $$"""{"id":"{{TaskId}}","status":"{{status}}","video_url":null,"status_update_time":1759763600000}""";

    private static VeoCreateVideoRequest LighthouseRequest() =>
        VeoCreateVideoRequest.CreateBuilder(VeoModel.Veo3FastFrames, "slow push-in on a lighthouse at dusk")
            .WithImages(["https://example.com/first.png"])
            .WithEnhancePrompt(true)
            .WithEnableUpsample(false)
            .WithAspectRatio(VeoAspectRatio.Landscape16x9)
            .Build();

    [Fact]
    public async Task CreateVideoAsync_posts_the_catalogue_request_and_reads_the_pending_task()
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        VeoVideoTask task = await client.Veo.CreateVideoAsync(LighthouseRequest());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/v1/video/create", CatalogueRequest);
        Assert.Equal(TaskId, task.Id);
        Assert.Equal("pending", task.Status);
        Assert.Equal(1759763521142L, task.StatusUpdateTime);
    }

    [Theory]
    [InlineData("veo3.1-pro-4k")]
    [InlineData("veo2-fast-components")]
    [InlineData("veo9-next")]
    public async Task Every_model_family_and_an_unknown_one_goes_out_as_written(string model)
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        await client.Veo.CreateVideoAsync(VeoCreateVideoRequest.CreateBuilder(new VeoModel(model), "a fox")
            .WithImages(["https://example.com/a.png", "https://example.com/b.png", "https://example.com/c.png"]).Build());

        JsonAssert.Equivalent(
            $$"""{"model":"{{model}}","prompt":"a fox","images":["https://example.com/a.png","https://example.com/b.png","https://example.com/c.png"]}""",
            Assert.Single(gateway.Requests).BodyText);
    }

    [Fact]
    public async Task GetVideoAsync_sends_the_prefixed_id_escaped_in_the_query_and_reads_the_catalogue_answer()
    {
        FakeHandler gateway = Answering(Completed);
        using JuheClient client = ClientFor(gateway);

        VeoVideoTask task = await client.Veo.GetVideoAsync(TaskId);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, "/v1/video/query?id=veo3-fast-frames%3Atask_01k6x15vhr");
        Assert.Equal("completed", task.Status);
        Assert.Equal("https://cdn.example/v.mp4", task.VideoUrl);
        Assert.Equal("Slow push-in…", task.EnhancedPrompt);
    }

    [Fact]
    public async Task A_channel_s_detail_object_is_kept_as_JSON()
    {
        using JuheClient client = ClientFor(Answering($$$"""{"id":"{{{TaskId}}}","status":"video_generating","detail":{"upstream":"x","progress":12}}"""));

        VeoVideoTask task = await client.Veo.GetVideoAsync(TaskId);

        Assert.Equal(12, task.Detail!.Value.GetProperty("progress").GetInt32());
    }

    [Fact]
    public Task CreateVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Veo.CreateVideoAsync(LighthouseRequest()));

    [Fact]
    public Task GetVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Veo.GetVideoAsync(TaskId));

    [Fact]
    public async Task RunCreateVideoAsync_polls_the_query_from_pending_through_an_unlisted_status_to_the_video()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(Submitted, Status("pending"), Status("video_generating"), Status("video_upsampling"), Completed);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<VeoVideoTask>>();

        JuheTaskSnapshot<VeoVideoTask> done = await clock.RunAsync(client.Veo.RunCreateVideoAsync(LighthouseRequest(), progress, Polling(clock)));

        Assert.Equal(TaskId, done.TaskId);
        Assert.Equal(["https://cdn.example/v.mp4"], done.ResultUrls);
        Assert.Equal(
            [JuheTaskState.Queued, JuheTaskState.Running, JuheTaskState.Unknown, JuheTaskState.Succeeded],
            progress.Reports.Select(r => r.State));
        Assert.All(gateway.Requests.Skip(1), r => Assert.Equal(Gateway + "/v1/video/query?id=veo3-fast-frames%3Atask_01k6x15vhr", r.Uri.AbsoluteUri));
        Assert.Equal(5, gateway.Requests.Count);
    }

    [Fact]
    public async Task A_failed_video_raises_JuheTaskFailedException_with_the_task_and_its_status()
    {
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(Status("processing"), Status("failed")));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(client.Veo.WaitVideoAsync(TaskId, polling: Polling(clock))));

        Assert.Equal(TaskId, e.TaskId);
        Assert.Equal("failed", e.RawStatus);
        Assert.IsType<VeoVideoTask>(e.Payload);
    }
}
