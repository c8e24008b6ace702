using Juhe.Hailuo;
using Juhe.Http;
using Juhe.Jimeng;
using Juhe.Luma;
using Juhe.Runway;
using Juhe.Seedance;
using Juhe.Sora;
using Juhe.Suno;
using Juhe.Tasks;
using Juhe.Veo;
using Juhe.Wanxiang;

namespace Juhe.EndToEnd.Tests;

// The calls of the video and music families (catalogue §14, §15): each submit answers a task id,
// each poll is reached by running a submitted task to its end.
public sealed partial class EveryOperationTests
{
    private static IEnumerable<KeyValuePair<string, Func<JuheClient, Task>>> VideoFamilyCalls() =>
    [
        new("createVeoVideo", async client => Assert.False(string.IsNullOrEmpty((await client.Veo.CreateVideoAsync(Veo())).Id))),
        new("queryVeoVideo", async client => AssertDone(await client.Veo.RunCreateVideoAsync(Veo(), polling: QuickPolls))),
        new("createLumaGeneration", async client => Assert.False(string.IsNullOrEmpty((await client.Luma.GenerateAsync(Luma())).Id))),
        new("extendLumaGeneration", async client => Assert.False(string.IsNullOrEmpty((await client.Luma.ExtendAsync("gen-1", Luma())).Id))),
        new("getLumaGeneration", async client => AssertDone(await client.Luma.RunGenerateAsync(Luma(), polling: QuickPolls))),
        new("createRunwayImageToVideo", async client => Assert.False(string.IsNullOrEmpty((await client.Runway.ImageToVideoAsync(Runway())).Id))),
        new("getRunwayTask", async client => AssertDone(await client.Runway.RunImageToVideoAsync(Runway(), polling: QuickPolls))),
        new("submitJimengVideo", async client => Assert.False(string.IsNullOrEmpty((await client.Jimeng.CreateVideoAsync(Jimeng())).Data?.TaskId))),
        new("fetchJimengVideo", async client => AssertDone(await client.Jimeng.RunCreateVideoAsync(Jimeng(), polling: QuickPolls))),
        new("createHailuoVideo", async client => Assert.False(string.IsNullOrEmpty((await client.Hailuo.CreateVideoAsync(Hailuo())).TaskId))),
        new("queryHailuoVideo", async client => AssertDone(await client.Hailuo.RunCreateVideoAsync(Hailuo(), polling: QuickPolls))),
        new("retrieveHailuoFile", async client => Assert.NotNull(await client.Hailuo.RetrieveFileAsync("205258526306433"))),
        new("createSeedanceTask", async client => Assert.False(string.IsNullOrEmpty((await client.Seedance.CreateVideoAsync(Seedance())).Id))),
        new("getSeedanceTask", async client => AssertDone(await client.Seedance.RunCreateVideoAsync(Seedance(), polling: QuickPolls))),
        new("listSeedanceTasks", async client => Assert.NotNull((await client.Seedance.ListAsync(pageNumber: 1, pageSize: 10, taskIds: ["cgt-1", "cgt-2"])).Items)),
        new("createSoraVideo", async client => Assert.False(string.IsNullOrEmpty((await client.Sora.CreateVideoAsync(Sora())).Id))),
        new("remixSoraVideo", async client => Assert.False(string.IsNullOrEmpty((await client.Sora.RemixVideoAsync("video_1", SoraRemixVideoRequest.CreateBuilder("at night").Build())).Id))),
        new("getSoraVideo", async client => AssertDone(await client.Sora.RunCreateVideoAsync(Sora(), polling: QuickPolls))),
        new("downloadSoraVideoContent", async client =>
        {
            await using JuheBinaryResponse video = await client.Sora.DownloadContentAsync("video_1");
            var bytes = new MemoryStream();
            await video.CopyToAsync(bytes);
            Assert.True(bytes.Length > 0);
        }),
        new("createWanxiangVideo", async client => Assert.False(string.IsNullOrEmpty((await client.Wanxiang.CreateVideoAsync(Wanxiang())).Output?.TaskId))),
        new("getWanxiangTask", async client => AssertDone(await client.Wanxiang.RunCreateVideoAsync(Wanxiang(), polling: QuickPolls))),
        new("submitSunoMusic", async client => Assert.False(string.IsNullOrEmpty((await client.Suno.CreateMusicAsync(SunoSong())).Data))),
        new("submitSunoLyrics", async client => Assert.False(string.IsNullOrEmpty((await client.Suno.CreateLyricsAsync(SunoLyricsRequest.CreateBuilder("rain").Build())).Data))),
        new("submitSunoConcat", async client => Assert.False(string.IsNullOrEmpty((await client.Suno.ConcatAsync(SunoConcatRequest.CreateBuilder("clip-1").Build())).Data))),
        new("uploadSunoAudioUrl", async client => Assert.NotNull(await client.Suno.UploadAudioUrlAsync(SunoUploadAudioRequest.CreateBuilder("https://example.com/a.mp3").Build()))),
        new("fetchSunoTask", async client => AssertDone(await client.Suno.RunCreateMusicAsync(SunoSong(), polling: QuickPolls))),
        new("fetchSunoTasks", async client => Assert.NotNull((await client.Suno.GetTasksAsync(SunoFetchRequest.CreateBuilder(["t-1", "t-2"]).Build())).Data)),
    ];

    private static void AssertDone<T>(JuheTaskSnapshot<T> done) => Assert.Equal(JuheTaskState.Succeeded, done.State);

    private static VeoCreateVideoRequest Veo() => VeoCreateVideoRequest.CreateBuilder(VeoModel.Veo3Fast, "a lighthouse at dusk").Build();

    private static LumaGenerationRequest Luma() => LumaGenerationRequest.CreateBuilder("cat dance").Build();

    private static RunwayImageToVideoRequest Runway() => RunwayImageToVideoRequest.CreateBuilder("https://example.com/first.jpg", RunwayModel.Gen4Turbo).Build();

    private static JimengVideoRequest Jimeng() => JimengVideoRequest.CreateBuilder("一只小猪在奔跑").Build();

    private static HailuoVideoRequest Hailuo() => HailuoVideoRequest.CreateBuilder(HailuoModel.Hailuo02).WithPrompt("a mouse runs").Build();

    private static SeedanceCreateTaskRequest Seedance() =>
        SeedanceCreateTaskRequest.CreateBuilder(SeedanceModel.Seedance10Pro, [new SeedanceTextContent { Type = "text", Text = "小猫醒来" }]).Build();

    private static SoraCreateVideoRequest Sora() => SoraCreateVideoRequest.CreateBuilder(SoraModel.Sora2, "she smiles").Build();

    private static WanxiangVideoRequest Wanxiang() =>
        WanxiangVideoRequest.CreateBuilder(WanxiangModel.Wan22TextToVideoPlus, new WanxiangVideoInput { Prompt = "海边日落" }).Build();

    private static SunoMusicRequest SunoSong() => SunoMusicRequest.CreateBuilder().WithGptDescriptionPrompt("a happy song").Build();
}
