using Juhe.Http;
using Juhe.Images;
using Juhe.Rerank;

namespace Juhe.EndToEnd.Tests;

// The OpenAI-format image calls (a JSON generation, a multipart edit) and rerank.
public sealed partial class EveryOperationTests
{
    private static JuheFile Png(string name) => JuheFile.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, name, "image/png");

    private static IEnumerable<KeyValuePair<string, Func<JuheClient, Task>>> ImageCalls() =>
    [
        new("createImage", async client =>
        {
            ImagesResponse images = await client.Images.GenerateAsync(ImageGenerationRequest.CreateBuilder("dall-e-3", "a red fox in snow").Build());
            string url = Assert.Single(images.Data).Url!;
            Assert.Equal("image/png", await AssertServedFileAsync(url)); // an image route's URLs are PNG files
        }),
        new("editImage", async client =>
        {
            ImagesResponse images = await client.Images.EditAsync(ImageEditRequest.CreateBuilder("gpt-image-1", "add a flamingo").WithImage(Png("pool.png")).WithMask(Png("mask.png")).Build());
            Assert.NotEmpty(images.Data);
        }),
        new("createRerank", async client =>
        {
            RerankResponse ranked = await client.Rerank.CreateAsync(RerankRequest.CreateBuilder("rerank-multilingual-v3.0", "capital of France", ["Paris is the capital of France", "Berlin"]).Build());
            RerankResult best = Assert.Single(ranked.Results);
            Assert.InRange(best.Index, 0, 1);
        }),
    ];
}
