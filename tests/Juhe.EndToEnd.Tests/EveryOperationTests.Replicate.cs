using System.Text.Json;
using Juhe.Http;
using Juhe.Replicate;
using Juhe.Tasks;

namespace Juhe.EndToEnd.Tests;

// Replicate: each create answers a prediction that is starting; the poll is reached by running one to its end.
public sealed partial class EveryOperationTests
{
    private static IEnumerable<KeyValuePair<string, Func<JuheClient, Task>>> ReplicateCalls() =>
    [
        new("createReplicateModelPrediction", async client => AssertStarting(await client.Replicate.CreatePredictionAsync("bytedance/seedream-3", ReplicatePredictionRequest.CreateBuilder(JsonElement.Parse("""{"prompt":"a cat"}""")).Build()))),
        new("createReplicatePrediction", async client => AssertStarting(await client.Replicate.CreateVersionPredictionAsync(ReplicateVersionPredictionRequest.CreateBuilder(JsonElement.Parse("""{"prompt":"a cat"}""")).WithVersion("5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa").Build()))),
        new("createReplicateFluxPrediction", async client => AssertStarting(await client.Replicate.CreateFluxPredictionAsync(ReplicateFluxModel.FluxKontextPro, ReplicateFluxPredictionRequest.CreateBuilder(new ReplicateFluxInput { Prompt = "a 90s cartoon", InputImage = "https://example.com/a.png" }).Build()))),
        new("createReplicateStableDiffusionPrediction", async client => AssertStarting(await client.Replicate.CreateStableDiffusionPredictionAsync(ReplicateStableDiffusionModel.Sdxl, ReplicateStableDiffusionPredictionRequest.CreateBuilder(new ReplicateStableDiffusionInput { Prompt = "an astronaut" }).Build()))),
        new("createReplicateRecraftPrediction", async client => AssertStarting(await client.Replicate.CreateRecraftPredictionAsync(ReplicateRecraftModel.RecraftV3Svg, ReplicateRecraftPredictionRequest.CreateBuilder(new ReplicateRecraftInput { Prompt = "a logo" }).Build()))),
        new("createReplicateIdeogramPrediction", async client => AssertStarting(await client.Replicate.CreateIdeogramPredictionAsync(ReplicateIdeogramModel.IdeogramV2Turbo, ReplicateIdeogramPredictionRequest.CreateBuilder(new ReplicateIdeogramInput { Prompt = "a sign" }).Build()))),
        new("createReplicateImagenPrediction", async client => AssertStarting(await client.Replicate.CreateImagenPredictionAsync(ReplicateImagenModel.Imagen4Ultra, ReplicateImagenPredictionRequest.CreateBuilder(new ReplicateImagenInput { Prompt = "a dune" }).Build()))),
        new("createReplicateMinimaxPrediction", async client => AssertStarting(await client.Replicate.CreateMinimaxPredictionAsync(ReplicateMinimaxModel.Video01Live, ReplicateMinimaxPredictionRequest.CreateBuilder(new ReplicateMinimaxInput { Prompt = "she waves", FirstFrameImage = "https://example.com/f.png" }).Build()))),
        new("createReplicateRembgPrediction", async client => AssertStarting(await client.Replicate.CreateRembgPredictionAsync(ReplicateImagePredictionRequest.CreateBuilder(new ReplicateImageInput { Image = "https://example.com/p.png" }).Build()))),
        new("createReplicateRemoveBackgroundPrediction", async client => AssertStarting(await client.Replicate.CreateRemoveBackgroundPredictionAsync(ReplicateImagePredictionRequest.CreateBuilder(new ReplicateImageInput { Image = "https://example.com/p.png" }).Build()))),
        new("createReplicateObjectRemovalPrediction", async client => AssertStarting(await client.Replicate.CreateObjectRemovalPredictionAsync(ReplicateObjectRemovalPredictionRequest.CreateBuilder(new ReplicateObjectRemovalInput { ImagePath = "https://example.com/p.png", ObjectsToRemove = "person" }).Build()))),
        new("getReplicatePrediction", async client =>
        {
            JuheTaskSnapshot<ReplicatePrediction> done = await client.Replicate.RunCreateFluxPredictionAsync(
                ReplicateFluxModel.FluxKontextPro, ReplicateFluxPredictionRequest.CreateBuilder(new ReplicateFluxInput { Prompt = "a 90s cartoon", InputImage = "https://example.com/a.png" }).Build(), polling: QuickPolls);
            Assert.Equal(JuheTaskState.Succeeded, done.State);
            await AssertServedFileAsync(Assert.Single(done.Payload!.OutputUrls));
        }),
    ];

    private static void AssertStarting(ReplicatePrediction prediction)
    {
        Assert.False(string.IsNullOrEmpty(prediction.Id));
        Assert.Equal("starting", prediction.Status);
    }
}
