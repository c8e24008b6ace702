using System.Net;
using System.Text.Json;
using Juhe.Http;
using Juhe.Images;
using Juhe.Tests.Engine;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;

namespace Juhe.Tests.Families;

/// <summary><c>client.Images</c> (catalogue §10.1, §12, §13): each model's members on the wire, URL and base64 answers, usage, errors.</summary>
public class ImagesTests
{
    private const string Gateway = "https://gateway.example.com";

    private static async Task<(RecordedRequest Sent, ImagesResponse Response)> GenerateAsync(ImageGenerationRequest request, string answer)
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, answer));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);
        ImagesResponse response = await client.Images.GenerateAsync(request);
        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(Gateway + "/v1/images/generations", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        Assert.Equal("application/json", sent.ContentType);
        return (sent, response);
    }

    [Fact]
    public async Task DallE3_quality_style_and_response_format_go_on_the_wire_and_the_revised_prompt_comes_back()
    {
        ImageGenerationRequest request = ImageGenerationRequest.CreateBuilder("dall-e-3", "isometric pixel-art coffee shop")
            .WithSize("1024x1024").WithQuality(ImageQuality.HD).WithStyle(ImageStyle.Vivid).WithResponseFormat(ImageResponseFormat.Url)
            .Build();

        (RecordedRequest sent, ImagesResponse response) = await GenerateAsync(request, ImageFamilyPayloads.DallE3Response);

        JsonAssert.Equivalent(ImageFamilyPayloads.DallE3Request, sent.BodyText);
        ImageData image = Assert.Single(response.Data);
        Assert.Equal("https://…/img.png", image.Url);
        Assert.False(image.HasBytes);
        Assert.StartsWith("An isometric pixel-art", image.RevisedPrompt, StringComparison.Ordinal);
        Assert.Equal(1735000000, response.Created);
    }

    [Fact]
    public async Task GptImage1_sends_background_output_format_compression_and_moderation_and_reads_base64_and_token_usage()
    {
        ImageGenerationRequest request = ImageGenerationRequest.CreateBuilder("gpt-image-1", "a glass teapot")
            .WithN(2).WithSize("1536x1024").WithQuality(ImageQuality.High).WithBackground(ImageBackground.Transparent)
            .WithOutputFormat(ImageOutputFormat.Webp).WithOutputCompression(80).WithModeration(ImageModeration.Low)
            .Build();
        const string Answer = """
            {"created":1735000000,"background":"transparent","output_format":"webp","quality":"high","size":"1536x1024",
             "data":[{"b64_json":"aGVsbG8="}],
             "usage":{"input_tokens":50,"output_tokens":4160,"total_tokens":4210,"input_tokens_details":{"text_tokens":50,"image_tokens":0}}}
            """;

        (RecordedRequest sent, ImagesResponse response) = await GenerateAsync(request, Answer);

        JsonAssert.Equivalent(
            """{"model":"gpt-image-1","prompt":"a glass teapot","n":2,"size":"1536x1024","quality":"high","background":"transparent","output_format":"webp","output_compression":80,"moderation":"low"}""",
            sent.BodyText);
        Assert.True(response.Data[0].HasBytes);
        Assert.Equal((50, 4160, 4210, 50, 0), (response.Usage!.InputTokens, response.Usage.OutputTokens, response.Usage.TotalTokens,
            response.Usage.InputTokensDetails!.TextTokens, response.Usage.InputTokensDetails.ImageTokens));
        Assert.Equal("webp", response.OutputFormat);
    }

    [Fact]
    public async Task Doubao_Seedream_sends_a_reference_image_size_word_and_watermark_and_reads_size_and_image_usage()
    {
        ImageGenerationRequest request = ImageGenerationRequest.CreateBuilder("doubao-seedream-4-0-250828", "生成狗狗趴在草地上的近景画面")
            .WithImage("https://example.com/dog.png").WithSize("2K").WithSequentialImageGeneration(ImageSequentialGeneration.Disabled)
            .WithResponseFormat(ImageResponseFormat.Url).WithWatermark(false)
            .Build();

        (RecordedRequest sent, ImagesResponse response) = await GenerateAsync(request, ImageFamilyPayloads.DoubaoResponse);

        JsonAssert.Equivalent(ImageFamilyPayloads.DoubaoRequest, sent.BodyText);
        Assert.Equal("doubao-seedream-4-0-250828", response.Model);
        Assert.Equal("1760x2368", response.Data[0].Size);
        Assert.Equal((1, 16280), (response.Usage!.GeneratedImages, response.Usage.TotalTokens));
    }

    [Fact]
    public async Task Doubao_image_sets_take_several_references_as_URLs_or_data_URLs_and_a_maximum()
    {
        ImageGenerationRequest request = ImageGenerationRequest.CreateBuilder("doubao-seedream-4-0-250828", "四季")
            .WithImage(new List<string> { "https://example.com/a.png", "data:image/png;base64,iVBORw0KGgo=" })
            .WithSequentialImageGeneration(ImageSequentialGeneration.Auto)
            .WithSequentialImageGenerationOptions(new ImageSequentialGenerationOptions { MaxImages = 4 })
            .WithSeed(42).WithGuidanceScale(5.5)
            .Build();

        (RecordedRequest sent, _) = await GenerateAsync(request, ImageFamilyPayloads.DoubaoResponse);

        JsonAssert.Equivalent(
            """{"model":"doubao-seedream-4-0-250828","prompt":"四季","image":["https://example.com/a.png","data:image/png;base64,iVBORw0KGgo="],"sequential_image_generation":"auto","sequential_image_generation_options":{"max_images":4},"seed":42,"guidance_scale":5.5}""",
            sent.BodyText);
    }

    [Fact]
    public async Task Recraft_style_substyle_and_controls_are_typed_members()
    {
        ImageGenerationRequest request = ImageGenerationRequest.CreateBuilder("recraftv3", "a lighthouse")
            .WithStyle(ImageStyle.DigitalIllustration).WithSubstyle("hand_drawn").WithSize("1365x1024")
            .WithControls(new ImageRecraftControls
            {
                Colors = [new ImageRecraftColor { Rgb = [255, 0, 0] }],
                BackgroundColor = new ImageRecraftColor { Rgb = [0, 0, 0] },
            })
            .Build();
        const string Answer = """{"created":1,"data":[{"url":"https://img.recraft.ai/x.webp"}],"image":{"id":"r1"}}""";

        (RecordedRequest sent, ImagesResponse response) = await GenerateAsync(request, Answer);

        JsonAssert.Equivalent(
            """{"model":"recraftv3","prompt":"a lighthouse","style":"digital_illustration","substyle":"hand_drawn","size":"1365x1024","controls":{"colors":[{"rgb":[255,0,0]}],"background_color":{"rgb":[0,0,0]}}}""",
            sent.BodyText);
        Assert.True(response.AdditionalProperties!.ContainsKey("image")); // recraft's extra member is kept, not an error
    }

    [Fact]
    public async Task Stable_Diffusion_and_FLUX_members_are_sent_as_given()
    {
        ImageGenerationRequest request = ImageGenerationRequest.CreateBuilder("stable-diffusion-3-5-large", "a fox")
            .WithNegativePrompt("blurry").WithAspectRatio("16:9").WithSeed(7).WithN(1)
            .Build();

        (RecordedRequest sent, _) = await GenerateAsync(request, ImageFamilyPayloads.DallE3Response);

        JsonAssert.Equivalent("""{"model":"stable-diffusion-3-5-large","prompt":"a fox","negative_prompt":"blurry","aspect_ratio":"16:9","seed":7,"n":1}""", sent.BodyText);
    }

    [Fact]
    public async Task An_error_envelope_raises_JuheApiException_with_the_gateway_code()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.BadRequest, "content_policy_violation"));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(
            () => client.Images.GenerateAsync(ImageGenerationRequest.CreateBuilder("dall-e-3", "x").Build()));

        Assert.Equal((HttpStatusCode.BadRequest, "content_policy_violation"), (e.StatusCode, e.ErrorCode));
    }

    [Fact]
    public void Unknown_enum_values_of_a_newer_model_round_trip()
    {
        ImageGenerationRequest request = JsonSerializer.Deserialize(
            """{"model":"gpt-image-2","prompt":"p","quality":"ultra","background":"frosted"}""", JuheJsonContext.Default.ImageGenerationRequest)!;

        Assert.Equal("ultra", request.Quality!.Value.Value);
        JsonAssert.Equivalent("""{"model":"gpt-image-2","prompt":"p","quality":"ultra","background":"frosted"}""",
            JsonSerializer.Serialize(request, JuheJsonContext.Default.ImageGenerationRequest));
    }

    [Fact]
    public async Task EditAsync_sends_one_image_its_mask_and_the_gpt_image_1_fields_as_parts()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"created":1,"data":[{"b64_json":"aGVsbG8="}]}"""));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);
        ImageEditRequest request = ImageEditRequest.CreateBuilder("gpt-image-1", "add a flamingo")
            .WithImage(JuheFile.FromBytes(new byte[] { 1, 2, 3 }, "pool.png", "image/png"))
            .WithMask(JuheFile.FromBytes(new byte[] { 4, 5 }, "mask.png", "image/png"))
            .WithN(1).WithSize("1024x1024").WithQuality(ImageQuality.Medium).WithBackground(ImageBackground.Opaque)
            .Build();

        ImagesResponse response = await client.Images.EditAsync(request);

        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(Gateway + "/v1/images/edits", sent.Uri.AbsoluteUri);
        IReadOnlyList<MultipartPart> parts = MultipartPart.Parse(sent.ContentType!, sent.Body!);
        Assert.Equal(["image", "mask", "model", "prompt", "n", "size", "quality", "background"], parts.Select(PartName));
        Assert.Equal([1, 2, 3], parts[0].Body);
        Assert.Equal("image/png", parts[0].ContentType);
        Assert.Contains("filename=\"pool.png\"", parts[0].Disposition, StringComparison.Ordinal);
        Assert.Equal(["gpt-image-1", "add a flamingo", "1", "1024x1024", "medium", "opaque"], parts.Skip(2).Select(p => p.Text));
        Assert.True(response.Data[0].HasBytes);
    }

    [Fact]
    public async Task EditAsync_sends_several_reference_images_as_repeated_image_array_parts()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"created":1,"data":[{"url":"https://x/y.png"}]}"""));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);
        ImageEditRequest request = ImageEditRequest.CreateBuilder("gpt-image-1", "a gift basket of these")
            .WithImages([JuheFile.FromBytes(new byte[] { 1 }, "soap.png", "image/png"), JuheFile.FromBytes(new byte[] { 2 }, "lotion.png", "image/png")])
            .Build();

        await client.Images.EditAsync(request);

        RecordedRequest sent = Assert.Single(handler.Requests);
        IReadOnlyList<MultipartPart> parts = MultipartPart.Parse(sent.ContentType!, sent.Body!);
        Assert.Equal(["image[]", "image[]", "model", "prompt"], parts.Select(PartName));
        Assert.Equal([1, 2], parts.Take(2).Select(p => (int)p.Body[0]));
    }

    private static string PartName(MultipartPart part)
    {
        string disposition = part.Disposition;
        int start = disposition.IndexOf("name=\"", StringComparison.Ordinal) + 6;
        return disposition[start..disposition.IndexOf('"', start)];
    }
}
