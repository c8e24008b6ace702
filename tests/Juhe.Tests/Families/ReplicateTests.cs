using System.Net;
using System.Text.Json;
using Juhe.Http;
using Juhe.Replicate;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;

namespace Juhe.Tests.Families;

/// <summary>
/// <c>client.Replicate</c> (catalogue §10.2, §11): predictions of any model slug, by version, and with
/// typed inputs; the prediction read back; predictions polled to success, failure and cancellation.
/// </summary>
public class ReplicateTests
{
    private const string Gateway = "https://gateway.example.com";
    private const string Id = "4a5padvaf9rma0ctg99s5m2x5r";

    private static string Prediction(string status, string output = "null", string error = "null") =>
        $$$"""{"id":"{{{Id}}}","model":"black-forest-labs/flux-kontext-pro","version":"hidden","status":"{{{status}}}","output":{{{output}}},"error":{{{error}}},"urls":{"get":"https://api.replicate.com/v1/predictions/{{{Id}}}","cancel":"https://api.replicate.com/v1/predictions/{{{Id}}}/cancel"}}""";

    private static (FakeHandler Handler, JuheClient Client) Gatewayed(params Func<HttpResponseMessage>[] answers)
    {
        FakeHandler handler = FakeHandler.Answering(answers.Length == 0 ? [() => Responses.Json(HttpStatusCode.Created, Prediction("starting"))] : answers);
        return (handler, TestClients.Create(handler, maxRetries: 0));
    }

    private static void AssertPost(RecordedRequest sent, string path, string body)
    {
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(Gateway + path, sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        JsonAssert.Equivalent(body, sent.BodyText);
    }

    private static ReplicateFluxPredictionRequest KontextRequest() => ReplicateFluxPredictionRequest.CreateBuilder(
        new ReplicateFluxInput { Prompt = "Make this a 90s cartoon", InputImage = "https://example.com/a.png", AspectRatio = ReplicateAspectRatio.MatchInputImage, OutputFormat = ReplicateOutputFormat.Jpg, SafetyTolerance = 2 })
        .Build();

    [Fact]
    public async Task A_typed_FLUX_prediction_posts_the_catalogue_body_under_the_model_path()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            ReplicatePrediction created = await client.Replicate.CreateFluxPredictionAsync(ReplicateFluxModel.FluxKontextPro, KontextRequest());

            AssertPost(Assert.Single(handler.Requests), "/replicate/v1/models/black-forest-labs/flux-kontext-pro/predictions", ImageFamilyPayloads.ReplicateKontextRequest);
            Assert.Null(handler.Requests[0].Header("Prefer"));
            Assert.Equal(("starting", Id), (created.Status, created.Id));
        }
    }

    [Fact]
    public async Task Any_model_slug_keeps_its_slash_escapes_each_segment_and_takes_input_as_free_JSON()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            var request = ReplicatePredictionRequest.CreateBuilder(JsonElement.Parse("""{"prompt":"a lora cat","lora_scale":0.8}"""))
                .WithWebhook("https://me.example/hook").WithWebhookEventsFilter([ReplicateWebhookEvent.Completed])
                .Build();

            await client.Replicate.CreatePredictionAsync("lucataco/flux dev-lora", request, prefer: "wait=30");

            RecordedRequest sent = Assert.Single(handler.Requests);
            AssertPost(sent, "/replicate/v1/models/lucataco/flux%20dev-lora/predictions",
                """{"input":{"prompt":"a lora cat","lora_scale":0.8},"webhook":"https://me.example/hook","webhook_events_filter":["completed"]}""");
            Assert.Equal("wait=30", sent.Header("Prefer"));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/stability-ai/sdxl")]
    [InlineData("owner//name")]
    public async Task A_slug_with_an_empty_segment_is_refused_before_sending(string model)
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Replicate.CreatePredictionAsync(model, ReplicatePredictionRequest.CreateBuilder(JsonElement.Parse("{}")).Build()));

            Assert.Empty(handler.Requests);
        }
    }

    [Fact]
    public async Task A_version_prediction_names_the_version_in_the_body()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await client.Replicate.CreateVersionPredictionAsync(ReplicateVersionPredictionRequest.CreateBuilder(JsonElement.Parse("""{"prompt":"x"}"""))
                .WithVersion("5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa").Build());

            AssertPost(Assert.Single(handler.Requests), "/replicate/v1/predictions",
                """{"version":"5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa","input":{"prompt":"x"}}""");
        }
    }

    public static TheoryData<Func<ReplicateClient, Task<ReplicatePrediction>>, string, string> TypedModels() => new()
    {
        { c => c.CreateStableDiffusionPredictionAsync(ReplicateStableDiffusionModel.Sdxl, ReplicateStableDiffusionPredictionRequest.CreateBuilder(
                new ReplicateStableDiffusionInput { Prompt = "an astronaut", NegativePrompt = "blurry", Width = 1024, Height = 1024, NumOutputs = 2, Scheduler = "K_EULER", GuidanceScale = 7.5, Seed = 1 }).Build()),
            "/replicate/v1/models/stability-ai/sdxl/predictions",
            """{"input":{"prompt":"an astronaut","negative_prompt":"blurry","width":1024,"height":1024,"num_outputs":2,"scheduler":"K_EULER","guidance_scale":7.5,"seed":1}}""" },
        { c => c.CreateRecraftPredictionAsync(ReplicateRecraftModel.RecraftV3Svg, ReplicateRecraftPredictionRequest.CreateBuilder(
                new ReplicateRecraftInput { Prompt = "a logo", Size = "1024x1024", Style = "vector_illustration" }).Build()),
            "/replicate/v1/models/recraft-ai/recraft-v3-svg/predictions", """{"input":{"prompt":"a logo","size":"1024x1024","style":"vector_illustration"}}""" },
        { c => c.CreateIdeogramPredictionAsync(ReplicateIdeogramModel.IdeogramV2Turbo, ReplicateIdeogramPredictionRequest.CreateBuilder(
                new ReplicateIdeogramInput { Prompt = "a sign", AspectRatio = "16:9", StyleType = "Design", MagicPromptOption = "Off" }).Build()),
            "/replicate/v1/models/ideogram-ai/ideogram-v2-turbo/predictions", """{"input":{"prompt":"a sign","aspect_ratio":"16:9","style_type":"Design","magic_prompt_option":"Off"}}""" },
        { c => c.CreateImagenPredictionAsync(ReplicateImagenModel.Imagen4Ultra, ReplicateImagenPredictionRequest.CreateBuilder(
                new ReplicateImagenInput { Prompt = "a dune", AspectRatio = ReplicateAspectRatio.Landscape16x9, SafetyFilterLevel = "block_only_high", OutputFormat = "png" }).Build()),
            "/replicate/v1/models/google/imagen-4-ultra/predictions", """{"input":{"prompt":"a dune","aspect_ratio":"16:9","safety_filter_level":"block_only_high","output_format":"png"}}""" },
        { c => c.CreateMinimaxPredictionAsync(ReplicateMinimaxModel.Video01Live, ReplicateMinimaxPredictionRequest.CreateBuilder(
                new ReplicateMinimaxInput { Prompt = "she waves", FirstFrameImage = "https://example.com/f.png", PromptOptimizer = true }).Build()),
            "/replicate/v1/models/minimax/video-01-live/predictions", """{"input":{"prompt":"she waves","first_frame_image":"https://example.com/f.png","prompt_optimizer":true}}""" },
        { c => c.CreateRembgPredictionAsync(ReplicateImagePredictionRequest.CreateBuilder(new ReplicateImageInput { Image = "https://example.com/p.png" }).Build()),
            "/replicate/v1/models/cjwbw/rembg/predictions", """{"input":{"image":"https://example.com/p.png"}}""" },
        { c => c.CreateRemoveBackgroundPredictionAsync(ReplicateImagePredictionRequest.CreateBuilder(new ReplicateImageInput { Image = "https://example.com/p.png" }).Build()),
            "/replicate/v1/models/lucataco/remove-bg/predictions", """{"input":{"image":"https://example.com/p.png"}}""" },
        { c => c.CreateObjectRemovalPredictionAsync(ReplicateObjectRemovalPredictionRequest.CreateBuilder(
                new ReplicateObjectRemovalInput { ImagePath = "https://example.com/p.png", ObjectsToRemove = "person,car" }).Build()),
            "/replicate/v1/models/sujaykhandekar/object-removal/predictions", """{"input":{"image_path":"https://example.com/p.png","objects_to_remove":"person,car"}}""" },
    };

    [Theory]
    [MemberData(nameof(TypedModels))]
    public async Task Each_typed_model_family_posts_its_input_under_its_path(Func<ReplicateClient, Task<ReplicatePrediction>> create, string path, string body)
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await create(client.Replicate);

            AssertPost(Assert.Single(handler.Requests), path, body);
        }
    }

    [Fact]
    public async Task GetPredictionAsync_reads_the_catalogue_prediction_and_one_URL_output()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK, ImageFamilyPayloads.ReplicateSucceeded));
        using (client)
        {
            ReplicatePrediction prediction = await client.Replicate.GetPredictionAsync(Id);

            RecordedRequest sent = Assert.Single(handler.Requests);
            Assert.Equal((HttpMethod.Get, $"{Gateway}/replicate/v1/predictions/{Id}"), (sent.Method, sent.Uri.AbsoluteUri));
            Assert.Equal("succeeded", prediction.Status);
            Assert.Equal(["https://replicate.delivery/xezq/abc/out.jpg"], prediction.OutputUrls);
            Assert.StartsWith("https://api.replicate.com/", prediction.Urls!.Get, StringComparison.Ordinal); // read, never called
        }
    }

    [Fact]
    public void An_output_list_is_read_as_several_URLs_and_no_output_as_none()
    {
        ReplicatePrediction many = JsonSerializer.Deserialize(Prediction("succeeded", """["https://replicate.delivery/a.png","https://replicate.delivery/b.png"]"""), JuheJsonContext.Default.ReplicatePrediction)!;
        ReplicatePrediction none = JsonSerializer.Deserialize(Prediction("processing"), JuheJsonContext.Default.ReplicatePrediction)!;

        Assert.Equal(["https://replicate.delivery/a.png", "https://replicate.delivery/b.png"], many.OutputUrls);
        Assert.Empty(none.OutputUrls);
    }

    [Fact]
    public async Task RunCreateFluxPredictionAsync_polls_the_gateway_until_the_prediction_succeeds()
    {
        var clock = new VirtualClock();
        (FakeHandler handler, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.Created, Prediction("starting")),
            () => Responses.Json(HttpStatusCode.OK, Prediction("processing")),
            () => Responses.Json(HttpStatusCode.OK, ImageFamilyPayloads.ReplicateSucceeded));
        using (client)
        {
            JuheTaskSnapshot<ReplicatePrediction> done = await clock.RunAsync(client.Replicate.RunCreateFluxPredictionAsync(
                ReplicateFluxModel.FluxKontextPro, KontextRequest(), polling: new JuheTaskPollingOptions { TimeProvider = clock }));

            Assert.Equal((JuheTaskState.Succeeded, "succeeded"), (done.State, done.RawStatus));
            Assert.Equal(["https://replicate.delivery/xezq/abc/out.jpg"], done.Payload.OutputUrls);
            Assert.Equal(3, handler.Requests.Count);
            Assert.All(handler.Requests.Skip(1), r => Assert.Equal($"{Gateway}/replicate/v1/predictions/{Id}", r.Uri.AbsoluteUri)); // never api.replicate.com
        }
    }

    [Fact]
    public async Task A_failed_prediction_raises_JuheTaskFailedException_with_its_error_as_the_reason()
    {
        // A failed prediction carries "error":"<text>" beside its status: the prediction describing
        // itself, not a gateway error envelope, so the poller reports it as a failed task.
        var clock = new VirtualClock();
        (FakeHandler handler, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.OK, Prediction("processing")),
            () => Responses.Json(HttpStatusCode.OK, Prediction("failed", error: "\"NSFW content detected\"")));
        using (client)
        {
            JuheTaskFailedException e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(
                client.Replicate.WaitPredictionAsync(Id, polling: new JuheTaskPollingOptions { TimeProvider = clock })));

            Assert.Equal("NSFW content detected", e.FailureReason);
            Assert.Equal("failed", e.RawStatus);
            Assert.Equal(2, handler.Requests.Count);
        }
    }

    [Fact]
    public async Task A_canceled_prediction_raises_JuheTaskCancelledException()
    {
        var clock = new VirtualClock();
        (FakeHandler _, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK, Prediction("canceled")));
        using (client)
        {
            await Assert.ThrowsAsync<JuheTaskCancelledException>(() => clock.RunAsync(
                client.Replicate.WaitPredictionAsync(Id, polling: new JuheTaskPollingOptions { TimeProvider = clock })));
        }
    }

    [Fact]
    public async Task The_gateway_task_error_envelope_raises_with_its_code()
    {
        (FakeHandler _, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.NotFound, """{"code":"task_not_exist","message":"task_not_exist","data":null}"""));
        using (client)
        {
            JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Replicate.GetPredictionAsync("missing"));

            Assert.Equal((HttpStatusCode.NotFound, "task_not_exist"), (e.StatusCode, e.ErrorCode));
        }
    }

    public static TheoryData<string, JuheTaskState> CatalogueStatuses()
    {
        var data = new TheoryData<string, JuheTaskState>();
        foreach ((string raw, JuheTaskState state) in CatalogueTaskStatuses.Named("Replicate").Statuses)
        {
            data.Add(raw, state);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogueStatuses))]
    public async Task Each_catalogue_status_means_the_catalogue_state(string status, JuheTaskState state)
    {
        (FakeHandler _, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.Created, Prediction("starting")),
            () => Responses.Json(HttpStatusCode.OK, Prediction(status)));
        using (client)
        {
            JuheTaskHandle<ReplicatePrediction> handle = await client.Replicate.SubmitCreatePredictionAsync("black-forest-labs/flux-schnell",
                ReplicatePredictionRequest.CreateBuilder(JsonElement.Parse("""{"prompt":"x"}""")).Build());

            JuheTaskSnapshot<ReplicatePrediction> snapshot = await handle.GetSnapshotAsync();

            Assert.Equal((Id, state), (handle.Id, snapshot.State));
        }
    }
}
