using System.Net;
using Juhe.Http;
using Juhe.Runway;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;
using static Juhe.Tests.Families.MediaTaskTesting;

namespace Juhe.Tests.Families;

/// <summary>Runway's official format (catalogue §14.4): image_to_video, tasks, and its statuses including THROTTLED and CANCELLED.</summary>
public class RunwayTests
{
    internal const string CatalogueRequest =
        """{"promptImage":"https://example.com/first.jpg","model":"gen4_turbo","promptText":"cat dance","watermark":false,"duration":5,"ratio":"1280:720"}""";

    internal const string Id = "3d957031-9a2a-45e2-9dc7-bc8513059c50";

    internal const string Succeeded =
        """{"id":"3d957031-9a2a-45e2-9dc7-bc8513059c50","status":"SUCCEEDED","createdAt":"2025-01-01T00:00:00Z","output":["https://cdn.example/runway.mp4"]}""";

    internal static string Status(string status, string extra = "") =>
        $$$"""{"id":"{{{Id}}}","status":"{{{status}}}","createdAt":"2025-01-01T00:00:00Z"{{{extra}}}}""";

    private static RunwayImageToVideoRequest CatDance() =>
        RunwayImageToVideoRequest.CreateBuilder("https://example.com/first.jpg", RunwayModel.Gen4Turbo)
            .WithPromptText("cat dance")
            .WithWatermark(false)
            .WithDuration(5)
            .WithRatio(RunwayRatio.Landscape1280x720)
            .Build();

    [Fact]
    public async Task ImageToVideoAsync_posts_the_catalogue_request_with_the_default_API_version_header()
    {
        FakeHandler gateway = Answering($$"""{"id":"{{Id}}"}""");
        using JuheClient client = ClientFor(gateway);

        RunwayTaskCreated created = await client.Runway.ImageToVideoAsync(CatDance());

        RecordedRequest sent = Assert.Single(gateway.Requests);
        AssertSent(sent, HttpMethod.Post, "/runwayml/v1/image_to_video", CatalogueRequest);
        Assert.Equal("2024-11-06", sent.Header("X-Runway-Version"));
        Assert.Equal(Id, created.Id);
    }

    [Fact]
    public async Task First_and_last_keyframes_go_out_as_a_list_and_a_caller_s_version_wins()
    {
        FakeHandler gateway = Answering($$"""{"id":"{{Id}}"}""");
        using JuheClient client = ClientFor(gateway);
        RunwayImageToVideoRequest request = RunwayImageToVideoRequest.CreateBuilder(
                new RunwayPromptImage(
                [
                    new RunwayPromptImageFrame { Uri = "https://example.com/a.jpg", Position = RunwayImagePosition.First },
                    new RunwayPromptImageFrame { Uri = "data:image/png;base64,iVBORw0KGgo=", Position = RunwayImagePosition.Last },
                ]),
                RunwayModel.Gen3aTurbo)
            .WithSeed(4_000_000_000)
            .WithContentModeration(new RunwayContentModeration { PublicFigureThreshold = "low" })
            .Build();

        await client.Runway.ImageToVideoAsync(request, runwayVersion: "2025-06-01");

        RecordedRequest sent = Assert.Single(gateway.Requests);
        JsonAssert.Equivalent(
            """{"promptImage":[{"uri":"https://example.com/a.jpg","position":"first"},{"uri":"data:image/png;base64,iVBORw0KGgo=","position":"last"}],"model":"gen3a_turbo","seed":4000000000,"contentModeration":{"publicFigureThreshold":"low"}}""",
            sent.BodyText);
        Assert.Equal("2025-06-01", sent.Header("X-Runway-Version"));
    }

    [Fact]
    public async Task GetTaskAsync_reads_the_catalogue_task_and_a_failure()
    {
        FakeHandler gateway = Answering(Succeeded, Status("FAILED", ""","failure":"Prompt image rejected","failureCode":"SAFETY.INPUT.IMAGE" """));
        using JuheClient client = ClientFor(gateway);

        RunwayTask done = await client.Runway.GetTaskAsync(Id);
        RunwayTask failed = await client.Runway.GetTaskAsync(Id);

        AssertSent(gateway.Requests[0], HttpMethod.Get, $"/runwayml/v1/tasks/{Id}");
        Assert.Equal("2024-11-06", gateway.Requests[0].Header("X-Runway-Version"));
        Assert.Equal(["https://cdn.example/runway.mp4"], done.Output);
        Assert.Equal("SAFETY.INPUT.IMAGE", failed.FailureCode);
    }

    [Fact]
    public async Task RunImageToVideoAsync_waits_through_THROTTLED_and_RUNNING_to_the_output()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = Answering($$"""{"id":"{{Id}}"}""", Status("PENDING"), Status("THROTTLED"), Status("RUNNING", ""","progress":0.4"""), Succeeded);
        using JuheClient client = ClientFor(gateway);
        var progress = new RecordingProgress<JuheTaskSnapshot<RunwayTask>>();

        JuheTaskSnapshot<RunwayTask> done = await clock.RunAsync(client.Runway.RunImageToVideoAsync(CatDance(), progress: progress, polling: Polling(clock)));

        Assert.Equal(["https://cdn.example/runway.mp4"], done.ResultUrls);
        Assert.Equal(
            [(JuheTaskState.Queued, "PENDING"), (JuheTaskState.Queued, "THROTTLED"), (JuheTaskState.Running, "RUNNING"), (JuheTaskState.Succeeded, "SUCCEEDED")],
            progress.Reports.Select(r => (r.State, r.RawStatus)));
        Assert.Equal(0.4, progress.Reports[2].Payload.Progress);
    }

    [Fact]
    public async Task A_task_not_yet_known_right_after_submit_is_polled_through_when_the_caller_says_so()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(
            () => Responses.Json(HttpStatusCode.OK, $$"""{"id":"{{Id}}"}"""),
            () => Responses.Json(HttpStatusCode.NotFound, """{"code":"task_not_exist","message":"task_not_exist","data":null}"""),
            () => Responses.Json(HttpStatusCode.OK, Succeeded));
        using JuheClient client = ClientFor(gateway);
        JuheTaskPollingOptions polling = new()
        {
            TimeProvider = clock,
            Jitter = 0,
            IsTransientFailure = e => e is JuheApiException { ErrorCode: "task_not_exist" },
        };

        JuheTaskSnapshot<RunwayTask> done = await clock.RunAsync(client.Runway.RunImageToVideoAsync(CatDance(), polling: polling));

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal(3, gateway.Requests.Count);
    }

    [Fact]
    public async Task A_FAILED_task_raises_with_its_failure_and_a_CANCELLED_one_as_cancelled()
    {
        var clock = new VirtualClock();
        using JuheClient failing = ClientFor(Answering(Status("RUNNING"), Status("FAILED", ""","failure":"Prompt image rejected" """)));
        using JuheClient cancelled = ClientFor(Answering(Status("CANCELLED")));

        var failure = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(failing.Runway.WaitTaskAsync(Id, polling: Polling(clock))));
        var cancellation = await Assert.ThrowsAsync<JuheTaskCancelledException>(() => clock.RunAsync(cancelled.Runway.WaitTaskAsync(Id, polling: Polling(clock))));

        Assert.Equal("Prompt image rejected", failure.FailureReason);
        Assert.Equal("CANCELLED", cancellation.RawStatus);
    }

    [Fact]
    public async Task The_gateway_s_string_error_shape_raises()
    {
        using JuheClient client = ClientFor(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.BadRequest, """{"error":"Invalid asset aspect ratio"}""")));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Runway.ImageToVideoAsync(CatDance()));

        Assert.Contains("Invalid asset aspect ratio", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task ImageToVideoAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Runway.ImageToVideoAsync(CatDance()));

    [Fact]
    public Task GetTaskAsync_raises_every_error_envelope() =>
        AssertEveryErrorEnvelopeRaises(client => client.Runway.GetTaskAsync(Id));
}
