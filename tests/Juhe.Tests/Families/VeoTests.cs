using Juhe.Http;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
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
    public async Task CreateAsync_posts_the_catalogue_request_and_reads_the_pending_task()
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        VeoVideoTask task = await client.Veo.CreateAsync(LighthouseRequest());

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

        await client.Veo.CreateAsync(VeoCreateVideoRequest.CreateBuilder(new VeoModel(model), "a fox")
            .WithImages(["https://example.com/a.png", "https://example.com/b.png", "https://example.com/c.png"]).Build());

        JsonAssert.Equivalent(
            $$"""{"model":"{{model}}","prompt":"a fox","images":["https://example.com/a.png","https://example.com/b.png","https://example.com/c.png"]}""",
            Assert.Single(gateway.Requests).BodyText);
    }

    [Fact]
    public async Task QueryAsync_sends_the_prefixed_id_escaped_in_the_query_and_reads_the_catalogue_answer()
    {
        FakeHandler gateway = Answering(Completed);
        using JuheClient client = ClientFor(gateway);

        VeoVideoTask task = await client.Veo.QueryAsync(TaskId);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, "/v1/video/query?id=veo3-fast-frames%3Atask_01k6x15vhr");
        Assert.Equal("completed", task.Status);
        Assert.Equal("https://cdn.example/v.mp4", task.VideoUrl);
        Assert.Equal("Slow push-in…", task.EnhancedPrompt);
    }

    [Fact]
    public async Task A_channel_s_detail_object_is_kept_as_JSON()
    {
        using JuheClient client = ClientFor(Answering($$$"""{"id":"{{{TaskId}}}","status":"video_generating","detail":{"upstream":"x","progress":12}}"""));

        VeoVideoTask task = await client.Veo.QueryAsync(TaskId);

        Assert.Equal(12, task.Detail!.Value.GetProperty("progress").GetInt32());
    }

    [Fact]
    public Task CreateAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Veo.CreateAsync(LighthouseRequest()));

    [Fact]
    public Task QueryAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Veo.QueryAsync(TaskId));
}
