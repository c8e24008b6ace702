using Juhe.Http;
using Juhe.Suno;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using SunoClip = Juhe.Suno.SunoClip;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>Suno (catalogue §15): songs in every documented mode, lyrics, concatenation, uploads, fetching one or many, and a song polled to its clips.</summary>
public class SunoTests
{
    internal const string TaskId = "ba46ad15-07ce-41a6-b68d-196321dc00d5";

    internal const string Submitted = """{"code":"success","message":"","data":"ba46ad15-07ce-41a6-b68d-196321dc00d5"}""";

    /// <summary>The catalogue's fetch example: a finished song with its clip's audio, video and image.</summary>
    internal const string Song =
        """
        {"code":"success","message":"","data":{"task_id":"ba46ad15-07ce-41a6-b68d-196321dc00d5","action":"MUSIC","status":"SUCCESS","progress":"100%","fail_reason":"",
         "submit_time":1733717567,"finish_time":1733717767,
         "data":[{"id":"a06015d0-1","title":"Neon Memories","status":"complete","duration":219,"audio_url":"https://cdn1.suno.ai/a06015d0-1.mp3","video_url":"https://cdn1.suno.ai/a06015d0-1.mp4","image_url":"https://cdn2.suno.ai/image_a06015d0-1.jpeg",
                  "metadata":{"tags":"synthwave, nostalgic","prompt":"[Verse]…","type":"gen","duration":219.5}}]}}
        """;

    internal const string Lyrics =
        """{"code":"success","message":"","data":{"task_id":"l-1","action":"LYRICS","status":"SUCCESS","progress":"100%","data":{"id":"l-1","text":"[Verse]\nNeon lights","title":"Neon","status":"complete"}}}""";

    internal static string Row(string status, string progress, string failReason = "") =>
        $$"""{"code":"success","message":"","data":{"task_id":"{{TaskId}}","action":"MUSIC","status":"{{status}}","progress":"{{progress}}","fail_reason":"{{failReason}}","data":null""" + "}}";

    private static SunoMusicRequest Custom() =>
        SunoMusicRequest.CreateBuilder()
            .WithPrompt("[Verse]\nNeon lights on the street\n[Chorus]\nTake me back tonight")
            .WithTitle("Neon Memories")
            .WithTags("synthwave, nostalgic")
            .WithMv(SunoModelVersion.ChirpV4)
            .WithMakeInstrumental(false)
            .Build();

    private static async Task<string> SentBody(Func<JuheClient, Task> call, string path)
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);
        await call(client);
        RecordedRequest sent = Assert.Single(gateway.Requests);
        Assert.Equal(Gateway + path, sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        return sent.BodyText;
    }

    [Fact]
    public async Task Custom_mode_posts_the_catalogue_request_and_reads_the_task_id()
    {
        FakeHandler gateway = Answering(Submitted);
        using JuheClient client = ClientFor(gateway);

        SunoSubmitResponse submitted = await client.Suno.CreateMusicAsync(Custom());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/suno/submit/music",
            """{"prompt":"[Verse]\nNeon lights on the street\n[Chorus]\nTake me back tonight","title":"Neon Memories","tags":"synthwave, nostalgic","mv":"chirp-v4","make_instrumental":false}""");
        Assert.Equal(TaskId, submitted.Data);
    }

    [Fact]
    public async Task Inspiration_mode_sends_the_description()
    {
        string body = await SentBody(c => c.Suno.CreateMusicAsync(SunoMusicRequest.CreateBuilder()
            .WithGptDescriptionPrompt("a happy song about cats").WithMakeInstrumental(true).WithMv(SunoModelVersion.ChirpAuk).Build()), "/suno/submit/music");

        JsonAssert.Equivalent("""{"gpt_description_prompt":"a happy song about cats","make_instrumental":true,"mv":"chirp-auk"}""", body);
    }

    [Fact]
    public async Task Continuation_mode_sends_the_task_the_clip_and_where_to_continue()
    {
        string body = await SentBody(c => c.Suno.CreateMusicAsync(SunoMusicRequest.CreateBuilder()
            .WithPrompt("[Bridge]").WithTitle("Neon Memories II").WithTags("synthwave")
            .WithTaskId(TaskId).WithContinueClipId("a06015d0-1").WithContinueAt(120.5).Build()), "/suno/submit/music");

        JsonAssert.Equivalent(
            $$"""{"prompt":"[Bridge]","title":"Neon Memories II","tags":"synthwave","task_id":"{{TaskId}}","continue_clip_id":"a06015d0-1","continue_at":120.5}""", body);
    }

    [Fact]
    public async Task Singer_style_mode_sends_the_persona()
    {
        string body = await SentBody(c => c.Suno.CreateMusicAsync(SunoMusicRequest.CreateBuilder()
            .WithPrompt("[Verse]").WithTitle("t").WithTags("pop")
            .WithTask(SunoMusicTask.ArtistConsistency).WithPersonaId("p-1").WithArtistClipId("c-1")
            .WithMv(SunoModelVersion.ChirpV4Tau).WithVocalGender("f").WithGenerationType("TEXT").Build()), "/suno/submit/music");

        JsonAssert.Equivalent(
            """{"prompt":"[Verse]","title":"t","tags":"pop","task":"artist_consistency","persona_id":"p-1","artist_clip_id":"c-1","mv":"chirp-v4-tau","vocal_gender":"f","generation_type":"TEXT"}""", body);
    }

    [Fact]
    public async Task Re_creating_an_uploaded_song_uploads_its_URL_then_covers_or_extends_the_clip()
    {
        string upload = await SentBody(c => c.Suno.UploadAudioUrlAsync(SunoUploadAudioRequest.CreateBuilder("https://example.com/mine.mp3").WithName("mine").Build()), "/suno/uploads/audio-url");
        string cover = await SentBody(c => c.Suno.CreateMusicAsync(SunoMusicRequest.CreateBuilder()
            .WithPrompt("[Verse]").WithTitle("t").WithTags("rock").WithTask(SunoMusicTask.Cover).WithCoverClipId("up-1").Build()), "/suno/submit/music");
        string extend = await SentBody(c => c.Suno.CreateMusicAsync(SunoMusicRequest.CreateBuilder()
            .WithPrompt("[Outro]").WithTitle("t").WithTags("rock").WithTask(SunoMusicTask.UploadExtend).WithContinueClipId("up-1").WithContinueAt(30).Build()), "/suno/submit/music");

        JsonAssert.Equivalent("""{"url":"https://example.com/mine.mp3","name":"mine"}""", upload);
        JsonAssert.Equivalent("""{"prompt":"[Verse]","title":"t","tags":"rock","task":"cover","cover_clip_id":"up-1"}""", cover);
        JsonAssert.Equivalent("""{"prompt":"[Outro]","title":"t","tags":"rock","task":"upload_extend","continue_clip_id":"up-1","continue_at":30}""", extend);
    }

    [Fact]
    public async Task Concatenation_and_lyrics_post_to_their_own_routes()
    {
        string concat = await SentBody(c => c.Suno.ConcatAsync(SunoConcatRequest.CreateBuilder("a06015d0-1").WithIsInfill(false).Build()), "/suno/submit/concat");
        string lyrics = await SentBody(c => c.Suno.CreateLyricsAsync(SunoLyricsRequest.CreateBuilder("a song about rain").Build()), "/suno/submit/lyrics");

        JsonAssert.Equivalent("""{"clip_id":"a06015d0-1","is_infill":false}""", concat);
        JsonAssert.Equivalent("""{"prompt":"a song about rain"}""", lyrics);
    }

    [Fact]
    public async Task GetTaskAsync_reads_a_song_s_clips_with_their_audio_video_and_image_URLs()
    {
        FakeHandler gateway = Answering(Song);
        using JuheClient client = ClientFor(gateway);

        SunoTaskResponse answer = await client.Suno.GetTaskAsync(TaskId);

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Get, $"/suno/fetch/{TaskId}");
        SunoClip clip = Assert.Single(answer.Data!.Data!.Clips!);
        Assert.Equal("https://cdn1.suno.ai/a06015d0-1.mp3", clip.AudioUrl);
        Assert.Equal("https://cdn1.suno.ai/a06015d0-1.mp4", clip.VideoUrl);
        Assert.Equal("https://cdn2.suno.ai/image_a06015d0-1.jpeg", clip.ImageUrl);
        Assert.Equal(219, clip.Duration);
        Assert.Equal(219.5, clip.Metadata!.Duration);
        Assert.Equal(SunoTaskAction.Music, answer.Data.Action);
    }

    [Fact]
    public async Task GetTaskAsync_reads_a_lyrics_task_s_text()
    {
        using JuheClient client = ClientFor(Answering(Lyrics));

        SunoTaskResponse answer = await client.Suno.GetTaskAsync("l-1");

        Assert.Null(answer.Data!.Data!.Clips);
        Assert.Equal("[Verse]\nNeon lights", answer.Data.Data.Lyrics!.Text);
    }

    [Fact]
    public async Task GetTasksAsync_posts_the_ids_and_action_and_reads_every_task()
    {
        FakeHandler gateway = Answering("""{"code":"success","message":"","data":[""" + Song[(Song.IndexOf("\"data\":{", StringComparison.Ordinal) + 7)..^1] + "]}");
        using JuheClient client = ClientFor(gateway);

        SunoTaskListResponse answer = await client.Suno.GetTasksAsync(SunoFetchRequest.CreateBuilder([TaskId, "l-1"]).WithAction(SunoTaskAction.Music).Build());

        AssertSent(Assert.Single(gateway.Requests), HttpMethod.Post, "/suno/fetch", $$"""{"ids":["{{TaskId}}","l-1"],"action":"MUSIC"}""");
        Assert.Equal(TaskId, Assert.Single(answer.Data!).TaskId);
    }

    [Fact]
    public async Task RunCreateMusicAsync_reports_percent_progress_and_ends_with_the_clips()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering(Submitted, Row("NOT_START", "0%"), Row("IN_PROGRESS", "40%"), Row("IN_PROGRESS", "80%"), Song);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<SunoTaskResponse>>();

        JuheTaskSnapshot<SunoTaskResponse> done = await clock.RunAsync(client.Suno.RunCreateMusicAsync(Custom(), progress, Polling(clock)));

        Assert.Equal([0, 40, 80, 100], progress.Reports.Select(r => r.ProgressPercent));
        Assert.Equal("https://cdn1.suno.ai/a06015d0-1.mp3", done.Payload.Data!.Data!.Clips![0].AudioUrl);
        Assert.All(gateway.Requests.Skip(1), r => Assert.Equal($"{Gateway}/suno/fetch/{TaskId}", r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task An_old_row_with_the_song_URL_in_fail_reason_succeeds_with_that_URL()
    {
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(Row("SUCCESS", "100%", "https://cdn1.suno.ai/a0.mp3")));

        JuheTaskSnapshot<SunoTaskResponse> done = await clock.RunAsync(client.Suno.WaitTaskAsync(TaskId, polling: Polling(clock)));

        Assert.Equal(["https://cdn1.suno.ai/a0.mp3"], done.ResultUrls);
        Assert.Null(done.FailureReason);
    }

    [Fact]
    public async Task A_FAILURE_row_raises_with_its_fail_reason()
    {
        var clock = new VirtualClock();
        using JuheClient client = ClientFor(Answering(Submitted, Row("IN_PROGRESS", "20%"), Row("FAILURE", "100%", "Unable to generate lyrics: the prompt mentions an artist")));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(client.Suno.RunCreateLyricsAsync(SunoLyricsRequest.CreateBuilder("like Taylor").Build(), polling: Polling(clock))));

        Assert.Equal(TaskId, e.TaskId);
        Assert.Equal("Unable to generate lyrics: the prompt mentions an artist", e.FailureReason);
    }

    [Fact]
    public Task CreateMusicAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Suno.CreateMusicAsync(Custom()));

    [Fact]
    public Task GetTaskAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Suno.GetTaskAsync(TaskId));

    [Fact]
    public Task GetTasksAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Suno.GetTasksAsync(SunoFetchRequest.CreateBuilder([TaskId]).Build()));

    [Fact]
    public Task ConcatAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Suno.ConcatAsync(SunoConcatRequest.CreateBuilder("c").Build()));

    [Fact]
    public Task CreateLyricsAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Suno.CreateLyricsAsync(SunoLyricsRequest.CreateBuilder("p").Build()));

    [Fact]
    public Task UploadAudioUrlAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Suno.UploadAudioUrlAsync(SunoUploadAudioRequest.CreateBuilder("https://example.com/a.mp3").Build()));
}
