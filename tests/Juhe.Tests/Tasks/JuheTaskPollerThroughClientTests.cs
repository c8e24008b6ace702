using System.Net;
using Juhe.Http;
using Juhe.Tasks;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Tasks;

/// <summary>The poller driving real <see cref="JuheClient"/> calls against a scripted gateway, as generated code will.</summary>
public class JuheTaskPollerThroughClientTests
{
    private const string TaskId = "ba46ad15-07ce-41a6-b68d-196321dc00d5";

    private static string Row(string status, string progress, string clips = "[]", string failReason = "") =>
        $$$"""{"code":"success","message":"","data":{"task_id":"{{{TaskId}}}","action":"MUSIC","status":"{{{status}}}","progress":"{{{progress}}}","fail_reason":"{{{failReason}}}","data":{{{clips}}}}}""";

    [Fact]
    public async Task A_Suno_song_is_polled_through_a_503_until_its_clips_are_ready()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(
            () => Responses.Json(HttpStatusCode.OK, Row("SUBMITTED", "0%")),
            () => Responses.Json(HttpStatusCode.OK, Row("IN_PROGRESS", "40%")),
            () => Responses.OpenAiError(HttpStatusCode.ServiceUnavailable, "upstream_error"),
            () => Responses.Json(HttpStatusCode.OK, Row("SUCCESS", "100%",
                """[{"id":"a0","status":"complete","audio_url":"https://cdn1.suno.ai/a0.mp3"},{"id":"a1","status":"complete","audio_url":"https://cdn1.suno.ai/a1.mp3"}]""")));
        using JuheClient client = Create(gateway, maxRetries: 0);
        ValueTask<SunoFetchResponse> Fetch(string id, CancellationToken token) =>
            new(client.SendAsync(Get("/suno/fetch/" + Uri.EscapeDataString(id)), SunoTestJson.Default.SunoFetchResponse, token));
        var task = new JuheTaskHandle<SunoFetchResponse>(TaskId, Fetch, SunoPolling.Describe, new JuheTaskPollingOptions { TimeProvider = clock, Jitter = 0 });
        var progress = new RecordingProgress<JuheTaskSnapshot<SunoFetchResponse>>();

        JuheTaskSnapshot<SunoFetchResponse> done = await clock.RunAsync(task.WaitAsync(progress));

        Assert.Equal(["https://cdn1.suno.ai/a0.mp3", "https://cdn1.suno.ai/a1.mp3"], done.ResultUrls);
        Assert.Equal("complete", done.Payload.Data!.Data![0].Status);
        Assert.Equal([0, 40, 100], progress.Reports.Select(r => r.ProgressPercent));
        Assert.Equal(4, gateway.Requests.Count);
        Assert.All(gateway.Requests, r => Assert.Equal($"https://gateway.example.com/suno/fetch/{TaskId}", r.Uri.ToString()));
    }

    [Fact]
    public async Task An_old_row_with_the_song_URL_in_fail_reason_succeeds_with_that_URL()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, Row("SUCCESS", "100%", "null", failReason: "https://cdn1.suno.ai/a0.mp3")));
        using JuheClient client = Create(gateway);
        ValueTask<SunoFetchResponse> Fetch(string id, CancellationToken token) =>
            new(client.SendAsync(Get("/suno/fetch/" + id), SunoTestJson.Default.SunoFetchResponse, token));

        JuheTaskSnapshot<SunoFetchResponse> done = await clock.RunAsync(
            JuheTaskPoller.WaitAsync(TaskId, Fetch, SunoPolling.Describe, new JuheTaskPollingOptions { TimeProvider = clock }));

        Assert.Equal(["https://cdn1.suno.ai/a0.mp3"], done.ResultUrls);
        Assert.Null(done.FailureReason);
    }

    [Fact]
    public async Task A_task_the_gateway_does_not_know_surfaces_its_error_at_once()
    {
        var clock = new VirtualClock();
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.BadRequest, """{"code":"task_not_exist","message":"task_not_exist","data":null}"""));
        using JuheClient client = Create(gateway);
        ValueTask<SunoFetchResponse> Fetch(string id, CancellationToken token) =>
            new(client.SendAsync(Get("/suno/fetch/" + id), SunoTestJson.Default.SunoFetchResponse, token));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => clock.RunAsync(
            JuheTaskPoller.WaitAsync(TaskId, Fetch, SunoPolling.Describe, new JuheTaskPollingOptions { TimeProvider = clock })));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("task_not_exist", e.ErrorCode);
        Assert.Single(gateway.Requests);
    }
}
