using Juhe.Hailuo;
using Juhe.Http;
using Juhe.Jimeng;
using Juhe.Luma;
using Juhe.Runway;
using Juhe.Seedance;
using Juhe.Sora;
using Juhe.Suno;
using Juhe.Tasks;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using Juhe.Veo;
using Juhe.Wanxiang;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>
/// The generated status maps say what the catalogue's table says (<see cref="CatalogueTaskStatuses"/>):
/// for each family, a task whose poll answers a status is in the state the table gives it, and a
/// status the table marks as unlisted is <see cref="JuheTaskState.Unknown"/>.
/// </summary>
public class CatalogueStatusTests
{
    /// <summary>Submits through the generated client (answered by <paramref name="gateway"/>) and takes one snapshot.</summary>
    private delegate Task<JuheTaskState> OnePoll(JuheClient client);

    private sealed record Family(string Name, string Submitted, Func<string, string> PollAnswer, OnePoll Poll);

    private static async Task<JuheTaskState> StateOf<T>(Task<JuheTaskHandle<T>> submitted) => (await (await submitted).GetSnapshotAsync()).State;

    private static readonly Family[] Families =
    [
        new("Veo", VeoTests.Submitted, VeoTests.Status,
            c => StateOf(c.Veo.SubmitCreateVideoAsync(VeoCreateVideoRequest.CreateBuilder(VeoModel.Veo3, "p").Build()))),
        new("Luma", LumaTests.State("pending"), s => LumaTests.State(s),
            c => StateOf(c.Luma.SubmitGenerateAsync(LumaGenerationRequest.CreateBuilder("p").Build()))),
        new("Runway", $$"""{"id":"{{RunwayTests.Id}}"}""", s => RunwayTests.Status(s),
            c => StateOf(c.Runway.SubmitImageToVideoAsync(RunwayImageToVideoRequest.CreateBuilder("https://example.com/a.jpg", RunwayModel.Gen4Turbo).Build()))),
        new("Jimeng", JimengTests.Submitted, s => JimengTests.Row(s, "50%"),
            c => StateOf(c.Jimeng.SubmitCreateVideoAsync(JimengVideoRequest.CreateBuilder("p").Build()))),
        new("Hailuo", HailuoTests.Submitted, s => HailuoTests.Status(s),
            c => StateOf(c.Hailuo.SubmitCreateVideoAsync(HailuoVideoRequest.CreateBuilder(HailuoModel.T2V01).Build()))),
        new("Seedance", $$"""{"id":"{{SeedanceTests.Id}}"}""", SeedanceTests.Status,
            c => StateOf(c.Seedance.SubmitCreateVideoAsync(SeedanceCreateTaskRequest.CreateBuilder(SeedanceModel.Seedance10Pro, [new SeedanceTextContent { Type = "text", Text = "p" }]).Build()))),
        new("Sora-2", SoraTests.Status("queued", 0), s => SoraTests.Status(s, 50),
            c => StateOf(c.Sora.SubmitCreateVideoAsync(SoraCreateVideoRequest.CreateBuilder(SoraModel.Sora2, "p").Build()))),
        new("Wanxiang", WanxiangTests.Submitted, s => WanxiangTests.Status(s),
            c => StateOf(c.Wanxiang.SubmitCreateVideoAsync(WanxiangVideoRequest.CreateBuilder(WanxiangModel.Wan22TextToVideoPlus, new WanxiangVideoInput { Prompt = "p" }).Build()))),
        new("Suno", SunoTests.Submitted, s => SunoTests.Row(s, "50%"),
            c => StateOf(c.Suno.SubmitCreateMusicAsync(SunoMusicRequest.CreateBuilder().WithGptDescriptionPrompt("p").Build()))),
    ];

    public static TheoryData<string, string, JuheTaskState> Statuses()
    {
        var data = new TheoryData<string, string, JuheTaskState>();
        foreach (Family family in Families)
        {
            CatalogueTaskStatuses.Family table = CatalogueTaskStatuses.Named(family.Name);
            foreach ((string raw, JuheTaskState state) in table.Statuses)
            {
                data.Add(family.Name, raw, state);
            }

            foreach (string unlisted in table.Unlisted)
            {
                data.Add(family.Name, unlisted, JuheTaskState.Unknown);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_polled_status_is_in_the_state_the_catalogue_gives_it(string familyName, string rawStatus, JuheTaskState expected)
    {
        Family family = Families.Single(f => f.Name == familyName);
        FakeHandler gateway = Answering(family.Submitted, family.PollAnswer(rawStatus));
        using JuheClient client = ClientFor(gateway);

        JuheTaskState state = await family.Poll(client);

        Assert.Equal(expected, state);
        Assert.Equal(2, gateway.Requests.Count);
    }
}
