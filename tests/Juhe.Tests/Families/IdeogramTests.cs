using System.Net;
using System.Text;
using Juhe.Http;
using Juhe.Ideogram;
using Juhe.Tests.Engine;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;

namespace Juhe.Tests.Families;

/// <summary>
/// <c>client.Ideogram</c> (catalogue §9): each v3 and legacy call's form parts or JSON body, the
/// images answer (unsafe images included) and the describe answer.
/// </summary>
public class IdeogramTests
{
    private const string Gateway = "https://gateway.example.com";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
    private static readonly byte[] Mask = [0x89, 0x50, 0x4E, 0x47, 9, 9];

    private static (FakeHandler Handler, JuheClient Client) Gatewayed(string answer = ImageFamilyPayloads.IdeogramImagesResponse)
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, answer));
        return (handler, TestClients.Create(handler, maxRetries: 0));
    }

    /// <summary>The parts of the one recorded request, after checking it was a multipart POST to <paramref name="path"/>.</summary>
    private static IReadOnlyList<MultipartPart> FormPosted(FakeHandler handler, string path)
    {
        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, Gateway + path), (sent.Method, sent.Uri.AbsoluteUri));
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        Assert.StartsWith("multipart/form-data", sent.ContentType, StringComparison.Ordinal);
        return MultipartPart.Parse(sent.ContentType!, sent.Body!);
    }

    /// <summary>Each part as "name=text" (fields) or "name:filename:type:length" (files), in order.</summary>
    private static string[] Describe(IReadOnlyList<MultipartPart> parts) =>
        [.. parts.Select(p =>
        {
            string name = Between(p.Disposition, "name=\"", "\"");
            return p.Disposition.Contains("filename=", StringComparison.Ordinal)
                ? $"{name}:{Between(p.Disposition, "filename=\"", "\"")}:{p.ContentType}:{p.Body.Length}"
                : $"{name}={p.Text}";
        })];

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static JuheFile File(string name, byte[] bytes) => JuheFile.FromBytes(bytes, name, "image/png");

    [Fact]
    public async Task GenerateV3_sends_each_field_as_a_part_the_palette_as_JSON_and_style_references_as_files()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            IdeogramV3GenerateRequest request = IdeogramV3GenerateRequest.CreateBuilder("a neon sign reading \"OPEN\"")
                .WithAspectRatio(IdeogramV3AspectRatio.Landscape16x9).WithRenderingSpeed(IdeogramRenderingSpeed.Turbo).WithNumImages(1)
                .WithMagicPrompt(IdeogramMagicPrompt.Off).WithSeed(4211).WithNegativePrompt("blur").WithStyleType(IdeogramV3StyleType.General)
                .WithColorPalette(new IdeogramColorPalette { Members = [new IdeogramColorPaletteMember { ColorHex = "#FF5733", ColorWeight = 0.6 }] })
                .WithStyleReferenceImages([File("ref1.png", Png), File("ref2.png", Mask)])
                .Build();

            IdeogramImagesResponse response = await client.Ideogram.GenerateV3Async(request);

            IReadOnlyList<MultipartPart> parts = FormPosted(handler, "/ideogram/v1/ideogram-v3/generate");
            Assert.Equal(
                ["prompt=a neon sign reading \"OPEN\"", "aspect_ratio=16x9", "negative_prompt=blur", "seed=4211", "num_images=1", "rendering_speed=TURBO", "magic_prompt=OFF",
                 "style_type=GENERAL", "color_palette={\"members\":[{\"color_hex\":\"#FF5733\",\"color_weight\":0.6}]}", "style_reference_images:ref1.png:image/png:7", "style_reference_images:ref2.png:image/png:6"],
                Describe(parts).Select(p => p.StartsWith("color_palette=", StringComparison.Ordinal) ? "color_palette=" + JsonCompact(p["color_palette=".Length..]) : p));
            IdeogramImage image = Assert.Single(response.Data!);
            Assert.Equal(("1312x736", true, 4211, "GENERAL"), (image.Resolution, image.IsImageSafe, image.Seed, image.StyleType));
            Assert.True(image.IsAvailable);
            Assert.Equal("2025-06-01T10:00:00.000000+00:00", response.Created);
        }
    }

    private static string JsonCompact(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();

    [Fact]
    public async Task GenerateV3_sends_style_codes_as_repeated_parts()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await client.Ideogram.GenerateV3Async(IdeogramV3GenerateRequest.CreateBuilder("p").WithResolution("1024x1024").WithStyleCodes(["AAAAAAAA", "0F0F0F0F"]).Build());

            Assert.Equal(["prompt=p", "resolution=1024x1024", "style_codes=AAAAAAAA", "style_codes=0F0F0F0F"], Describe(FormPosted(handler, "/ideogram/v1/ideogram-v3/generate")));
        }
    }

    [Fact]
    public async Task EditV3_sends_the_image_and_mask_as_files()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await client.Ideogram.EditV3Async(IdeogramV3EditRequest.CreateBuilder(File("in.png", Png), File("mask.png", Mask), "a red hat").WithRenderingSpeed(IdeogramRenderingSpeed.Quality).Build());

            Assert.Equal(["image:in.png:image/png:7", "mask:mask.png:image/png:6", "prompt=a red hat", "rendering_speed=QUALITY"],
                Describe(FormPosted(handler, "/ideogram/v1/ideogram-v3/edit")));
        }
    }

    [Fact]
    public async Task RemixV3_ReframeV3_and_ReplaceBackgroundV3_post_their_forms_to_their_routes()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await client.Ideogram.RemixV3Async(IdeogramV3RemixRequest.CreateBuilder(File("in.png", Png), "watercolor").WithImageWeight(70).Build());
            await client.Ideogram.ReframeV3Async(IdeogramV3ReframeRequest.CreateBuilder(File("in.png", Png), "1536x640").WithNumImages(2).Build());
            await client.Ideogram.ReplaceBackgroundV3Async(IdeogramV3ReplaceBackgroundRequest.CreateBuilder(File("in.png", Png), "a beach").WithMagicPrompt(IdeogramMagicPrompt.Auto).Build());

            RecordedRequest[] sent = [.. handler.Requests];
            Assert.Equal(["/ideogram/v1/ideogram-v3/remix", "/ideogram/v1/ideogram-v3/reframe", "/ideogram/v1/ideogram-v3/replace-background"], sent.Select(r => r.Uri.AbsolutePath));
            Assert.Equal(["image:in.png:image/png:7", "prompt=watercolor", "image_weight=70"], Describe(MultipartPart.Parse(sent[0].ContentType!, sent[0].Body!)));
            Assert.Equal(["image:in.png:image/png:7", "resolution=1536x640", "num_images=2"], Describe(MultipartPart.Parse(sent[1].ContentType!, sent[1].Body!)));
            Assert.Equal(["image:in.png:image/png:7", "prompt=a beach", "magic_prompt=AUTO"], Describe(MultipartPart.Parse(sent[2].ContentType!, sent[2].Body!)));
        }
    }

    [Fact]
    public async Task Legacy_Generate_posts_the_image_request_as_JSON()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await client.Ideogram.GenerateAsync(IdeogramGenerateRequest.CreateBuilder(new IdeogramImageRequest
            {
                Prompt = "a cat", AspectRatio = IdeogramAspectRatio.Landscape16x9, Model = IdeogramModel.V2Turbo, MagicPromptOption = IdeogramMagicPrompt.On,
                StyleType = IdeogramStyleType.Render3D, Resolution = "RESOLUTION_1024_1024", NumImages = 2,
            }).Build());

            RecordedRequest sent = Assert.Single(handler.Requests);
            Assert.Equal(Gateway + "/ideogram/generate", sent.Uri.AbsoluteUri);
            JsonAssert.Equivalent(
                """{"image_request":{"prompt":"a cat","aspect_ratio":"ASPECT_16_9","model":"V_2_TURBO","magic_prompt_option":"ON","style_type":"RENDER_3D","resolution":"RESOLUTION_1024_1024","num_images":2}}""",
                sent.BodyText);
        }
    }

    [Fact]
    public async Task Legacy_Remix_and_Upscale_send_image_request_as_a_JSON_part_beside_the_image_file()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await client.Ideogram.RemixAsync(IdeogramRemixRequest.CreateBuilder(new IdeogramImageRequest { Prompt = "cartoon", ImageWeight = 30, Model = IdeogramModel.V2 }, File("in.png", Png)).Build());
            await client.Ideogram.UpscaleAsync(IdeogramUpscaleRequest.CreateBuilder(new IdeogramUpscaleImageRequest { Resemblance = 60, Detail = 90 }, File("in.png", Png)).Build());

            RecordedRequest[] sent = [.. handler.Requests];
            Assert.Equal(["/ideogram/remix", "/ideogram/upscale"], sent.Select(r => r.Uri.AbsolutePath));
            IReadOnlyList<MultipartPart> remix = MultipartPart.Parse(sent[0].ContentType!, sent[0].Body!);
            IReadOnlyList<MultipartPart> upscale = MultipartPart.Parse(sent[1].ContentType!, sent[1].Body!);
            JsonAssert.Equivalent("""{"prompt":"cartoon","image_weight":30,"model":"V_2"}""", remix[0].Text);
            Assert.StartsWith("application/json", remix[0].ContentType, StringComparison.Ordinal);
            Assert.Equal("image_file:in.png:image/png:7", Describe(remix)[1]);
            JsonAssert.Equivalent("""{"resemblance":60,"detail":90}""", upscale[0].Text);
            Assert.Equal("image_file:in.png:image/png:7", Describe(upscale)[1]);
        }
    }

    [Fact]
    public async Task Describe_sends_the_image_file_and_reads_the_descriptions()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed("""{"descriptions":[{"text":"A neon sign that reads OPEN."},{"text":"A shop at night."}]}""");
        using (client)
        {
            IdeogramDescribeResponse response = await client.Ideogram.DescribeAsync(
                IdeogramDescribeRequest.CreateBuilder(File("in.png", Png)).WithDescribeModelVersion(IdeogramDescribeModelVersion.V3).Build());

            Assert.Equal(["image_file:in.png:image/png:7", "describe_model_version=V_3"], Describe(FormPosted(handler, "/ideogram/describe")));
            Assert.Equal(["A neon sign that reads OPEN.", "A shop at night."], response.Descriptions!.Select(d => d.Text));
        }
    }

    [Fact]
    public async Task Legacy_Edit_sends_image_mask_prompt_and_model()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await client.Ideogram.EditAsync(IdeogramEditRequest.CreateBuilder(File("in.png", Png), File("mask.png", Mask), "a hat", IdeogramModel.V2).WithNumImages(1).Build());

            Assert.Equal(["image_file:in.png:image/png:7", "mask:mask.png:image/png:6", "prompt=a hat", "model=V_2", "num_images=1"], Describe(FormPosted(handler, "/ideogram/edit")));
        }
    }

    [Fact]
    public async Task An_unsafe_image_is_reported_and_saving_it_says_why_there_is_nothing_to_save()
    {
        (FakeHandler _, JuheClient client) = Gatewayed("""{"created":"2025-06-01T10:00:00+00:00","data":[{"prompt":"p","resolution":"1024x1024","is_image_safe":false,"seed":7,"url":""},{"prompt":"p","resolution":"1024x1024","is_image_safe":true,"seed":8,"url":"https://ideogram.ai/e/b.png"}]}""");
        using (client)
        {
            IdeogramImagesResponse response = await client.Ideogram.GenerateV3Async(IdeogramV3GenerateRequest.CreateBuilder("p").Build());

            Assert.Equal([false, true], response.Data!.Select(i => i.IsAvailable));
            using var downloader = new HttpClient(FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Png) }));
            InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(() => response.Data![0].WriteToAsync(Stream.Null, downloader));
            Assert.Contains("unsafe", e.Message, StringComparison.Ordinal);
            using var saved = new MemoryStream();
            await response.Data![1].WriteToAsync(saved, downloader);
            Assert.Equal(Png, saved.ToArray());
        }
    }

    [Fact]
    public async Task A_missing_required_file_is_named_before_anything_is_sent()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            var request = new IdeogramV3EditRequest { Image = File("in.png", Png), Mask = null!, Prompt = "p" };

            InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Ideogram.EditV3Async(request));

            Assert.Contains("mask", e.Message, StringComparison.Ordinal);
            Assert.Empty(handler.Requests);
        }
    }

    [Fact]
    public async Task An_error_envelope_raises_JuheApiException()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.TooManyRequests, "rate_limit"));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Ideogram.GenerateV3Async(IdeogramV3GenerateRequest.CreateBuilder("p").Build()));

        Assert.Equal((HttpStatusCode.TooManyRequests, "rate_limit"), (e.StatusCode, e.ErrorCode));
        Assert.Equal(Encoding.UTF8.GetBytes("p"), MultipartPart.Parse(handler.Requests[0].ContentType!, handler.Requests[0].Body!)[0].Body);
    }
}
