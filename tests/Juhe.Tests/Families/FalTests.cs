using System.Net;
using System.Text.Json;
using Juhe.Fal;
using Juhe.Http;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;

namespace Juhe.Tests.Families;

/// <summary>
/// <c>client.Fal</c> (catalogue §10.3): submits to typed and free model paths, the queued answer, and
/// results fetched by request id, polled through "not ready yet" answers to images, a video, or a failure.
/// </summary>
public class FalTests
{
    private const string Gateway = "https://gateway.example.com";
    private const string RequestId = "e7e9202c-1b2a-4c5d-9e8f-0a1b2c3d4e5f";
    private const string Output = """{"images":[{"url":"https://v3.fal.media/files/duck.jpg","width":1024,"height":768,"content_type":"image/jpeg"}],"seed":3361737851,"has_nsfw_concepts":[false],"prompt":"Put the duckling on the woman's t-shirt","timings":{"inference":2.1}}""";

    private static (FakeHandler Handler, JuheClient Client) Gatewayed(params Func<HttpResponseMessage>[] answers)
    {
        FakeHandler handler = FakeHandler.Answering(answers.Length == 0 ? [() => Responses.Json(HttpStatusCode.OK, ImageFamilyPayloads.FalQueued)] : answers);
        return (handler, TestClients.Create(handler, maxRetries: 0));
    }

    private static void AssertPost(RecordedRequest sent, string path, string body)
    {
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(Gateway + path, sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        JsonAssert.Equivalent(body, sent.BodyText);
    }

    [Fact]
    public async Task Kontext_pro_posts_the_catalogue_input_and_reads_the_queued_request()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            FalQueueStatus queued = await client.Fal.SubmitFluxKontextProAsync(new FalKontextInput
            {
                Prompt = "Put the duckling on the woman's t-shirt", ImageUrl = "https://example.com/in.png", NumImages = 1, OutputFormat = FalOutputFormat.Jpeg,
            });

            AssertPost(Assert.Single(handler.Requests), "/fal-ai/flux-pro/kontext", ImageFamilyPayloads.FalKontextRequest);
            Assert.Equal(("IN_QUEUE", "e7e9202c-…", 0), (queued.Status, queued.RequestId, queued.QueuePosition));
            Assert.StartsWith("https://queue.fal.run/", queued.ResponseUrl, StringComparison.Ordinal); // read, never called
        }
    }

    public static TheoryData<Func<FalClient, Task<FalQueueStatus>>, string, string> TypedPaths() => new()
    {
        { c => c.SubmitFluxDevAsync(new FalFluxDevInput { Prompt = "a fox", ImageSize = FalImageSizePreset.Landscape16x9, NumInferenceSteps = 28, GuidanceScale = 3.5, EnableSafetyChecker = false, Seed = 9 }),
            "/fal-ai/flux/dev", """{"prompt":"a fox","image_size":"landscape_16_9","num_inference_steps":28,"guidance_scale":3.5,"enable_safety_checker":false,"seed":9}""" },
        { c => c.SubmitFluxDevAsync(new FalFluxDevInput { Prompt = "a fox", ImageSize = new FalImageDimensions { Width = 1280, Height = 720 } }),
            "/fal-ai/flux/dev", """{"prompt":"a fox","image_size":{"width":1280,"height":720}}""" },
        { c => c.SubmitFluxDevImageToImageAsync(new FalFluxDevImageToImageInput { Prompt = "oil painting", ImageUrl = "https://example.com/a.png", Strength = 0.8 }),
            "/fal-ai/flux/dev/image-to-image", """{"prompt":"oil painting","image_url":"https://example.com/a.png","strength":0.8}""" },
        { c => c.SubmitFluxKontextMaxAsync(new FalKontextInput { Prompt = "make it snow", ImageUrl = "https://example.com/a.png", AspectRatio = FalAspectRatio.Landscape16x9, SafetyTolerance = FalSafetyTolerance.Strict }),
            "/fal-ai/flux-pro/kontext/max", """{"prompt":"make it snow","image_url":"https://example.com/a.png","aspect_ratio":"16:9","safety_tolerance":"2"}""" },
        { c => c.SubmitFluxKontextProTextToImageAsync(new FalKontextTextToImageInput { Prompt = "a poster" }), "/fal-ai/flux-pro/kontext/text-to-image", """{"prompt":"a poster"}""" },
        { c => c.SubmitFluxKontextMaxTextToImageAsync(new FalKontextTextToImageInput { Prompt = "a poster", GuidanceScale = 4 }), "/fal-ai/flux-pro/kontext/max/text-to-image", """{"prompt":"a poster","guidance_scale":4}""" },
        { c => c.SubmitFluxKontextProMultiAsync(new FalKontextMultiInput { Prompt = "both on a beach", ImageUrls = ["https://example.com/a.png", "https://example.com/b.png"] }),
            "/fal-ai/flux-pro/kontext/multi", """{"prompt":"both on a beach","image_urls":["https://example.com/a.png","https://example.com/b.png"]}""" },
        { c => c.SubmitFluxKontextMaxMultiAsync(new FalKontextMultiInput { Prompt = "both", ImageUrls = ["https://example.com/a.png"] }),
            "/fal-ai/flux-pro/kontext/max/multi", """{"prompt":"both","image_urls":["https://example.com/a.png"]}""" },
        { c => c.SubmitNanoBananaAsync(new FalNanoBananaInput { Prompt = "a banana", NumImages = 2 }), "/fal-ai/nano-banana", """{"prompt":"a banana","num_images":2}""" },
        { c => c.SubmitNanoBananaEditAsync(new FalNanoBananaEditInput { Prompt = "peel it", ImageUrls = ["https://example.com/b.png"], OutputFormat = FalOutputFormat.Png }),
            "/fal-ai/nano-banana/edit", """{"prompt":"peel it","image_urls":["https://example.com/b.png"],"output_format":"png"}""" },
    };

    [Theory]
    [MemberData(nameof(TypedPaths))]
    public async Task Each_typed_model_posts_its_input_to_its_path(Func<FalClient, Task<FalQueueStatus>> submit, string path, string body)
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await submit(client.Fal);

            AssertPost(Assert.Single(handler.Requests), path, body);
        }
    }

    [Fact]
    public async Task Any_model_path_keeps_its_slashes_and_sends_members_the_schema_does_not_name()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            var input = new FalInput
            {
                Prompt = "a cat",
                AdditionalProperties = new Dictionary<string, JsonElement> { ["loras"] = JsonElement.Parse("""[{"path":"https://example.com/l.safetensors","scale":1}]""") },
            };

            await client.Fal.SubmitAsync("flux-lora/image to image", input);

            AssertPost(Assert.Single(handler.Requests), "/fal-ai/flux-lora/image%20to%20image",
                """{"prompt":"a cat","loras":[{"path":"https://example.com/l.safetensors","scale":1}]}""");
        }
    }

    [Fact]
    public async Task WaitForResultAsync_polls_through_still_in_progress_answers_until_the_images_arrive()
    {
        var clock = new VirtualClock();
        (FakeHandler handler, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.BadRequest, """{"detail":"Request is still in progress"}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"status":"IN_QUEUE","queue_position":3}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"status":"IN_PROGRESS"}"""),
            () => Responses.Json(HttpStatusCode.OK, Output));
        var progress = new RecordingProgress<JuheTaskSnapshot<FalResult>>();
        using (client)
        {
            JuheTaskSnapshot<FalResult> done = await clock.RunAsync(client.Fal.WaitForResultAsync(
                RequestId, progress: progress, polling: new JuheTaskPollingOptions { TimeProvider = clock, MaxConsecutivePollFailures = 1 }));

            Assert.Equal(JuheTaskState.Succeeded, done.State);
            Assert.Equal(["https://v3.fal.media/files/duck.jpg"], done.ResultUrls);
            Assert.Equal(3361737851, done.Payload.Seed);
            Assert.Equal([JuheTaskState.Running, JuheTaskState.Queued, JuheTaskState.Running, JuheTaskState.Succeeded], progress.Reports.Select(r => r.State));
            Assert.All(handler.Requests, r => Assert.Equal($"{Gateway}/fal-ai/auto/requests/{RequestId}", r.Uri.AbsoluteUri));
        }
    }

    [Fact]
    public async Task A_model_path_may_be_named_instead_of_auto_and_a_video_is_a_result()
    {
        var clock = new VirtualClock();
        (FakeHandler handler, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK, """{"video":{"url":"https://v3.fal.media/files/clip.mp4","content_type":"video/mp4"}}"""));
        using (client)
        {
            JuheTaskSnapshot<FalResult> done = await clock.RunAsync(client.Fal.WaitForResultAsync(
                RequestId, "kling-video/v2/master/text-to-video", polling: new JuheTaskPollingOptions { TimeProvider = clock }));

            Assert.Equal(["https://v3.fal.media/files/clip.mp4"], done.ResultUrls);
            Assert.Equal($"{Gateway}/fal-ai/kling-video/v2/master/text-to-video/requests/{RequestId}", Assert.Single(handler.Requests).Uri.AbsoluteUri);
        }
    }

    [Fact]
    public async Task A_failed_request_raises_JuheTaskFailedException_with_the_error()
    {
        var clock = new VirtualClock();
        (FakeHandler _, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.OK, """{"status":"IN_PROGRESS"}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"status":"FAILED","detail":"Image could not be downloaded"}"""));
        using (client)
        {
            JuheTaskFailedException e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(
                client.Fal.WaitForResultAsync(RequestId, polling: new JuheTaskPollingOptions { TimeProvider = clock })));

            Assert.Equal((RequestId, "Image could not be downloaded"), (e.TaskId, e.FailureReason));
        }
    }

    [Fact]
    public async Task An_error_that_is_not_a_not_ready_answer_surfaces_at_once()
    {
        var clock = new VirtualClock();
        (FakeHandler handler, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.NotFound, """{"code":"task_not_exist","message":"task_not_exist","data":null}"""));
        using (client)
        {
            JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => clock.RunAsync(
                client.Fal.WaitForResultAsync(RequestId, polling: new JuheTaskPollingOptions { TimeProvider = clock })));

            Assert.Equal("task_not_exist", e.ErrorCode);
            Assert.Single(handler.Requests);
        }
    }

    [Fact]
    public async Task GetResultAsync_reads_the_output_once()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK, Output));
        using (client)
        {
            FalResult result = await client.Fal.GetResultAsync(FalClient.AutoModelName, RequestId);

            Assert.Equal((HttpMethod.Get, $"{Gateway}/fal-ai/auto/requests/{RequestId}"), (handler.Requests[0].Method, handler.Requests[0].Uri.AbsoluteUri));
            Assert.Equal((1024, 768, false), (result.Images![0].Width, result.Images[0].Height, result.HasNsfwConcepts![0]));
        }
    }

    [Fact]
    public void Waiting_without_a_request_id_is_refused()
    {
        using JuheClient client = TestClients.Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, Output)));

        Assert.Throws<ArgumentException>(() => client.Fal.CreateResultHandle(" "));
    }

    [Theory]
    [InlineData("IN_QUEUE", JuheTaskState.Queued)]
    [InlineData("IN_PROGRESS", JuheTaskState.Running)]
    [InlineData("COMPLETED", JuheTaskState.Running)] // done, but the output is not there yet: keep polling
    [InlineData("FAILED", JuheTaskState.Failed)]
    [InlineData("CANCELED", JuheTaskState.Cancelled)]
    public async Task A_status_payload_without_output_means_the_request_is_still_on_its_way(string status, JuheTaskState state)
    {
        (FakeHandler _, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK, $$"""{"status":"{{status}}"}"""));
        using (client)
        {
            JuheTaskSnapshot<FalResult> snapshot = await client.Fal.CreateResultHandle(RequestId).GetSnapshotAsync();

            Assert.Equal((state, status), (snapshot.State, snapshot.RawStatus));
        }
    }
}
