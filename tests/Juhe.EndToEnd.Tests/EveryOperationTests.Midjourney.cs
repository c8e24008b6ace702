using Juhe.Http;
using Juhe.Midjourney;
using Juhe.Tasks;

namespace Juhe.EndToEnd.Tests;

// Midjourney: every submit answers code 1 with the task id in result (with and without the speed
// prefix); the task poll is reached by running an imagine to its end.
public sealed partial class EveryOperationTests
{
    private const string SmallPng = "data:image/png;base64,iVBORw0KGgo=";

    private static IEnumerable<KeyValuePair<string, Func<JuheClient, Task>>> MidjourneyCalls() =>
    [
        new("submitMidjourneyImagine", async client => AssertSubmitted(await client.Midjourney.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("a red fox in snow --ar 16:9").Build()))),
        new("submitMidjourneyAction", async client => AssertSubmitted(await client.Midjourney.ActionAsync(MidjourneyActionRequest.CreateBuilder("1735000123456789", "MJ::JOB::upsample::1::8c2f").Build(), MidjourneySpeed.Fast))),
        new("submitMidjourneyBlend", async client => AssertSubmitted(await client.Midjourney.BlendAsync(MidjourneyBlendRequest.CreateBuilder([SmallPng, SmallPng]).Build()))),
        new("submitMidjourneyDescribe", async client => AssertSubmitted(await client.Midjourney.DescribeAsync(new MidjourneyDescribeRequestBuilder().WithBase64(SmallPng).Build()))),
        new("submitMidjourneyShorten", async client => AssertSubmitted(await client.Midjourney.ShortenAsync(MidjourneyShortenRequest.CreateBuilder("a very very long prompt").Build()))),
        new("submitMidjourneyModal", async client => AssertSubmitted(await client.Midjourney.ModalAsync(MidjourneyModalRequest.CreateBuilder("1735000123456789").WithPrompt("a hat").Build()))),
        new("submitMidjourneySwapFace", async client => AssertSubmitted(await client.Midjourney.SwapFaceAsync(MidjourneySwapFaceRequest.CreateBuilder(SmallPng, SmallPng).Build()))),
        new("submitMidjourneyChange", async client => AssertSubmitted(await client.Midjourney.ChangeAsync(MidjourneyChangeRequest.CreateBuilder("1735000123456789", MidjourneyChangeAction.Upscale).WithIndex(2).Build()))),
        new("submitMidjourneySimpleChange", async client => AssertSubmitted(await client.Midjourney.SimpleChangeAsync(MidjourneySimpleChangeRequest.CreateBuilder("1735000123456789 U2").Build()))),
        new("uploadMidjourneyImages", async client =>
        {
            MidjourneyUploadResult uploaded = await client.Midjourney.UploadImagesAsync(MidjourneyUploadRequest.CreateBuilder([SmallPng]).Build());
            Assert.Equal(1, uploaded.Code);
            Assert.NotEmpty(uploaded.Result!);
        }),
        new("getMidjourneyTask", async client =>
        {
            JuheTaskSnapshot<MidjourneyTask> done = await client.Midjourney.RunImagineAsync(MidjourneyImagineRequest.CreateBuilder("a lighthouse").Build(), polling: QuickPolls);
            Assert.Equal(JuheTaskState.Succeeded, done.State);
            Assert.Equal("image/png", await AssertServedFileAsync(Assert.Single(done.ResultUrls)));
        }),
        new("getMidjourneyImageSeed", async client =>
        {
            MidjourneySubmitResult submitted = await client.Midjourney.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("a lighthouse").Build());
            MidjourneyImageSeedResult seed = await client.Midjourney.GetImageSeedAsync(submitted.Result!);
            Assert.Equal(1, seed.Code);
            Assert.False(string.IsNullOrEmpty(seed.Result));
        }),
    ];

    private static void AssertSubmitted(MidjourneySubmitResult submitted)
    {
        Assert.Equal(MidjourneySubmitOutcome.Submitted, submitted.Outcome);
        Assert.False(string.IsNullOrEmpty(submitted.Result));
    }
}
