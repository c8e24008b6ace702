using Juhe.Http;
using Juhe.Luma;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>Luma in the legacy proxy format (catalogue §14.2): generate, extend, get, the batch query, and a generation polled to its end.</summary>
public class LumaTests
{
    internal const string CatalogueRequest =
        """{"user_prompt":"cat dance","aspect_ratio":"16:9","expand_prompt":true,"loop":false,"image_url":"https://example.com/cat.jpg"}""";

    internal const string Id = "9d4b7516-77e5-481a-b015-48313946f33b";

    internal const string Completed =
        """
        {"id":"9d4b7516-77e5-481a-b015-48313946f33b","prompt":"cat dance","state":"completed","created_at":"2024-07-01T07:35:13.498660Z",
         "video":{"url":"https://cdn.example/v.mp4","download_url":"https://cdn.example/v.mp4?dl=1","width":1360,"height":752,"thumbnail":"https://cdn.example/t.jpg"},"liked":null,"estimate_wait_seconds":null}
        """;

    internal static string State(string state, string video = "null") =>
        $$"""{"id":"{{Id}}","prompt":"cat dance","state":"{{state}}","queue_state":null,"video":{{video}},"estimate_wait_seconds":42}""";

    private static LumaGenerationRequest CatDance() =>
        LumaGenerationRequest.CreateBuilder("cat dance")
            .WithAspectRatio(LumaAspectRatio.Landscape16x9)
            .WithExpandPrompt(true)
            .WithLoop(false)
            .WithImageUrl("https://example.com/cat.jpg")
            .Build();

    [Fact]
    public async Task GenerateAsync_posts_the_catalogue_request_and_reads_the_pending_generation()
    {
        FakeHandler gateway = Answering(State("pending"));
        using JuheClient client = ClientFor(gateway);

        LumaGeneration generation = await client.Luma.GenerateAsync(CatDance());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/luma/generations", CatalogueRequest);
        Assert.Equal(Id, generation.Id);
        Assert.Equal("pending", generation.State);
        Assert.Null(generation.Video);
        Assert.Equal(42, generation.EstimateWaitSeconds);
    }

    [Fact]
    public async Task ExtendAsync_posts_to_the_generation_s_extend_path_with_an_end_frame()
    {
        FakeHandler gateway = Answering(State("pending"));
        using JuheClient client = ClientFor(gateway);

        await client.Luma.ExtendAsync(Id, LumaGenerationRequest.CreateBuilder("and then a bow").WithImageEndUrl("https://example.com/end.jpg").WithNotifyHook("https://my.app/hook").Build());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, $"/luma/generations/{Id}/extend",
            """{"user_prompt":"and then a bow","image_end_url":"https://example.com/end.jpg","notify_hook":"https://my.app/hook"}""");
    }

    [Fact]
    public async Task GetGenerationAsync_reads_the_catalogue_generation_with_its_video()
    {
        FakeHandler gateway = Answering(Completed);
        using JuheClient client = ClientFor(gateway);

        LumaGeneration generation = await client.Luma.GetGenerationAsync(Id);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, $"/luma/generations/{Id}");
        Assert.Equal("completed", generation.State);
        Assert.Equal("https://cdn.example/v.mp4", generation.Video!.Url);
        Assert.Equal("https://cdn.example/v.mp4?dl=1", generation.Video.DownloadUrl);
        Assert.Equal(1360, generation.Video.Width);
        Assert.Equal("https://cdn.example/t.jpg", generation.Video.Thumbnail!.Value.GetString());
    }

    [Fact]
    public async Task GetManyAsync_posts_the_ids_and_reads_the_bare_array_including_a_wrapped_item()
    {
        FakeHandler gateway = Answering($$$"""[{{{Completed}}},{"id":"b2","state":"processing","artifact":{"video":null}}]""");
        using JuheClient client = ClientFor(gateway);

        IReadOnlyList<LumaGeneration> generations = await client.Luma.GetManyAsync([Id, "b2"]);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/luma/tasks", $$"""{"ids":["{{Id}}","b2"]}""");
        Assert.Equal([Id, "b2"], generations.Select(g => g.Id));
        Assert.Equal("processing", generations[1].State);
        Assert.True(generations[1].Artifact.HasValue);
    }

    [Fact]
    public async Task GetManyAsync_refuses_no_ids_and_an_empty_id_naming_it()
    {
        FakeHandler gateway = Answering("[]");
        using JuheClient client = ClientFor(gateway);

        var none = await Assert.ThrowsAsync<ArgumentException>(() => client.Luma.GetManyAsync([]));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => client.Luma.GetManyAsync(["a", " "]));

        Assert.Contains("at least one", none.Message, StringComparison.Ordinal);
        Assert.Contains("id 1 is empty", empty.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task GetManyAsync_says_what_it_got_when_the_answer_is_not_an_array()
    {
        using JuheClient client = ClientFor(Answering("""{"id":"x"}"""));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Luma.GetManyAsync(["x"]));

        Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
        Assert.Contains("JSON array of generations", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task GenerateAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Luma.GenerateAsync(CatDance()));

    [Fact]
    public Task GetGenerationAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Luma.GetGenerationAsync(Id));

    [Fact]
    public Task GetManyAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Luma.GetManyAsync([Id]));

    [Fact]
    public async Task RunGenerateAsync_polls_the_generation_until_it_is_completed_with_its_video_URL()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(State("pending"), State("pending"), State("processing"), Completed);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<LumaGeneration>>();

        JuheTaskSnapshot<LumaGeneration> done = await clock.RunAsync(client.Luma.RunGenerateAsync(CatDance(), progress, Polling(clock)));

        Assert.Equal(["https://cdn.example/v.mp4"], done.ResultUrls);
        Assert.Equal([JuheTaskState.Queued, JuheTaskState.Running, JuheTaskState.Succeeded], progress.Reports.Select(r => r.State));
        Assert.Equal(1360, done.Payload.Video!.Width);
        Assert.All(gateway.Requests.Skip(1), r => Assert.Equal($"{Gateway}/luma/generations/{Id}", r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task RunExtendAsync_submits_the_extension_and_polls_the_new_generation()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(State("pending").Replace(Id, "ext-1", StringComparison.Ordinal), Completed.Replace(Id, "ext-1", StringComparison.Ordinal));
        using JuheClient client = ClientFor(gateway);

        JuheTaskSnapshot<LumaGeneration> done = await clock.RunAsync(client.Luma.RunExtendAsync(Id, LumaGenerationRequest.CreateBuilder("more").Build(), polling: Polling(clock)));

        Assert.Equal("ext-1", done.TaskId);
        Assert.Equal([$"{Gateway}/luma/generations/{Id}/extend", $"{Gateway}/luma/generations/ext-1"], gateway.Requests.Select(r => r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task A_failed_generation_raises_JuheTaskFailedException()
    {
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(State("processing"), State("failed")));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(client.Luma.WaitGenerationAsync(Id, polling: Polling(clock))));

        Assert.Equal(Id, e.TaskId);
        Assert.Equal("failed", e.RawStatus);
    }
}
