using Juhe.Fal;
using Juhe.Http;
using Juhe.Tasks;

namespace Juhe.EndToEnd.Tests;

// Fal: each submit answers a queued request with its id; the result route is reached by waiting for one.
public sealed partial class EveryOperationTests
{
    private static IEnumerable<KeyValuePair<string, Func<JuheClient, Task>>> FalCalls() =>
    [
        new("submitFalRequest", async client => AssertQueued(await client.Fal.SubmitAsync("flux-lora/image-to-image", new FalInput { Prompt = "a cat", ImageUrl = "https://example.com/in.png" }))),
        new("submitFalFluxDev", async client => AssertQueued(await client.Fal.SubmitFluxDevAsync(FalFluxDevInput.CreateBuilder("a cat").Build()))),
        new("submitFalFluxDevImageToImage", async client => AssertQueued(await client.Fal.SubmitFluxDevImageToImageAsync(FalFluxDevImageToImageInput.CreateBuilder("a cat", "https://example.com/in.png").Build()))),
        new("submitFalFluxKontextPro", async client => AssertQueued(await client.Fal.SubmitFluxKontextProAsync(FalKontextInput.CreateBuilder("a hat", "https://example.com/in.png").Build()))),
        new("submitFalFluxKontextMax", async client => AssertQueued(await client.Fal.SubmitFluxKontextMaxAsync(FalKontextInput.CreateBuilder("a hat", "https://example.com/in.png").Build()))),
        new("submitFalFluxKontextProTextToImage", async client => AssertQueued(await client.Fal.SubmitFluxKontextProTextToImageAsync(FalKontextTextToImageInput.CreateBuilder("a cat").Build()))),
        new("submitFalFluxKontextMaxTextToImage", async client => AssertQueued(await client.Fal.SubmitFluxKontextMaxTextToImageAsync(FalKontextTextToImageInput.CreateBuilder("a cat").Build()))),
        new("submitFalFluxKontextProMulti", async client => AssertQueued(await client.Fal.SubmitFluxKontextProMultiAsync(FalKontextMultiInput.CreateBuilder("both", ["https://example.com/a.png", "https://example.com/b.png"]).Build()))),
        new("submitFalFluxKontextMaxMulti", async client => AssertQueued(await client.Fal.SubmitFluxKontextMaxMultiAsync(FalKontextMultiInput.CreateBuilder("both", ["https://example.com/a.png", "https://example.com/b.png"]).Build()))),
        new("submitFalNanoBanana", async client => AssertQueued(await client.Fal.SubmitNanoBananaAsync(FalNanoBananaInput.CreateBuilder("a banana").Build()))),
        new("submitFalNanoBananaEdit", async client => AssertQueued(await client.Fal.SubmitNanoBananaEditAsync(FalNanoBananaEditInput.CreateBuilder("peel it", ["https://example.com/a.png"]).Build()))),
        new("getFalResult", async client =>
        {
            FalQueueStatus queued = await client.Fal.SubmitFluxDevAsync(FalFluxDevInput.CreateBuilder("a cat").Build());
            JuheTaskSnapshot<FalResult> done = await client.Fal.WaitForResultAsync(queued.RequestId!, "fal-ai/flux/dev", polling: QuickPolls);
            Assert.Equal(JuheTaskState.Succeeded, done.State);
            Assert.All(done.ResultUrls, url => Assert.Contains("/juhe/files/", url, StringComparison.Ordinal));
            await AssertServedFileAsync(done.ResultUrls[0]);
        }),
    ];

    private static void AssertQueued(FalQueueStatus queued)
    {
        Assert.Equal("IN_QUEUE", queued.Status);
        Assert.False(string.IsNullOrEmpty(queued.RequestId));
    }
}
