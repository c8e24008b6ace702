using Juhe.Http;
using Juhe.Ideogram;

namespace Juhe.EndToEnd.Tests;

// Ideogram's calls: multipart forms (files, JSON parts) and one JSON body, each answered with images that have URLs.
public sealed partial class EveryOperationTests
{
    private static IEnumerable<KeyValuePair<string, Func<JuheClient, Task>>> IdeogramCalls() =>
    [
        new("ideogramV3Generate", async client => AssertImages(await client.Ideogram.GenerateV3Async(IdeogramV3GenerateRequest.CreateBuilder("a neon sign that reads OPEN").Build()))),
        new("ideogramV3Edit", async client => AssertImages(await client.Ideogram.EditV3Async(IdeogramV3EditRequest.CreateBuilder(Png("in.png"), Png("mask.png"), "a red hat").Build()))),
        new("ideogramV3Remix", async client => AssertImages(await client.Ideogram.RemixV3Async(IdeogramV3RemixRequest.CreateBuilder(Png("in.png"), "watercolor").Build()))),
        new("ideogramV3Reframe", async client => AssertImages(await client.Ideogram.ReframeV3Async(IdeogramV3ReframeRequest.CreateBuilder(Png("in.png"), "1536x640").Build()))),
        new("ideogramV3ReplaceBackground", async client => AssertImages(await client.Ideogram.ReplaceBackgroundV3Async(IdeogramV3ReplaceBackgroundRequest.CreateBuilder(Png("in.png"), "a beach").Build()))),
        new("ideogramGenerate", async client => AssertImages(await client.Ideogram.GenerateAsync(IdeogramGenerateRequest.CreateBuilder(new IdeogramImageRequest { Prompt = "a cat", Model = IdeogramModel.V2Turbo }).Build()))),
        new("ideogramRemix", async client => AssertImages(await client.Ideogram.RemixAsync(IdeogramRemixRequest.CreateBuilder(new IdeogramImageRequest { Prompt = "cartoon", Model = IdeogramModel.V2 }, Png("in.png")).Build()))),
        new("ideogramUpscale", async client => AssertImages(await client.Ideogram.UpscaleAsync(IdeogramUpscaleRequest.CreateBuilder(new IdeogramUpscaleImageRequest { Resemblance = 60 }, Png("in.png")).Build()))),
        new("ideogramEdit", async client => AssertImages(await client.Ideogram.EditAsync(IdeogramEditRequest.CreateBuilder(Png("in.png"), Png("mask.png"), "a hat", IdeogramModel.V2).Build()))),
        new("ideogramDescribe", async client =>
        {
            IdeogramDescribeResponse described = await client.Ideogram.DescribeAsync(IdeogramDescribeRequest.CreateBuilder(Png("in.png")).Build());
            Assert.False(string.IsNullOrEmpty(Assert.Single(described.Descriptions!).Text));
        }),
    ];

    private static void AssertImages(IdeogramImagesResponse images) =>
        Assert.False(string.IsNullOrEmpty(Assert.Single(images.Data!).Url));
}
