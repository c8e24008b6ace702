using Juhe.Gateway;
using Juhe.Http;
using Juhe.Kling;
using Juhe.Midjourney;
using Juhe.Replicate;
using Juhe.Sora;
using Juhe.Suno;
using Juhe.Tasks;

namespace Juhe.EndToEnd.Tests;

/// <summary>
/// The task lifecycle the gateway plays from each schema's <c>x-juhe-task</c>, read through the
/// generated Run/Wait methods: queued, running with progress, then a served result or a failure
/// with its reason at the <c>failReason</c> path.
/// </summary>
public sealed class TaskLifecycleTests
{
    private static readonly JuheTaskPollingOptions QuickPolls = new() { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    [Fact]
    public async Task A_Kling_video_task_goes_queued_then_running_with_progress_then_succeeded_with_a_served_video()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { TaskRunningPolls = 2 });
        using JuheClient client = Gateways.ClientFor(gateway);
        var seen = new RecordedProgress<JuheTaskSnapshot<KlingTaskResponse>>();

        JuheTaskSnapshot<KlingTaskResponse> done = await client.Kling.RunText2VideoAsync(KlingText2VideoRequest.CreateBuilder("waves").Build(), seen, QuickPolls);

        Assert.Equal(["submitted", "processing", "succeed"], seen.Items.Select(s => s.RawStatus).Distinct());
        Assert.Contains(seen.Items, s => s.State == JuheTaskState.Running && s.ProgressPercent is > 0 and < 100);
        Assert.Equal((0, "SUCCEED"), (done.Payload!.Code!.Int32, done.Payload.Message)); // Kling's success envelope (x-juhe-envelope task-code)
        Assert.All(seen.Items, s => Assert.Equal(done.TaskId, s.Payload!.Data!.TaskId));
        using HttpResponseMessage video = await new HttpClient().GetAsync(new Uri(Assert.Single(done.ResultUrls)));
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ftyp"u8.ToArray(), (await video.Content.ReadAsByteArrayAsync())[4..8]);
    }

    [Fact]
    public async Task A_Kling_task_asked_to_fail_raises_with_the_reason_at_its_failReason_path_and_no_result()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        var headers = new HeaderInjector { Headers = { ["X-Juhe-Task-Outcome"] = "failed" } };
        using JuheClient client = Gateways.ClientFor(gateway, headers);

        JuheTaskFailedException failed = await Assert.ThrowsAsync<JuheTaskFailedException>(
            () => client.Kling.RunGenerateImagesAsync(KlingImageRequest.CreateBuilder("a red fox").Build(), polling: QuickPolls));

        Assert.Equal("failed", failed.RawStatus);
        Assert.Contains("X-Juhe-Task-Outcome", failed.FailureReason, StringComparison.Ordinal);
        Assert.Empty(((KlingTaskResponse)failed.Payload!).Data!.TaskResult!.Images!);
    }

    [Fact]
    public async Task A_Midjourney_task_asked_to_fail_ends_FAILURE_with_its_failReason()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        var headers = new HeaderInjector { Headers = { ["X-Juhe-Task-Outcome"] = "failed" } };
        using JuheClient client = Gateways.ClientFor(gateway, headers);

        JuheTaskFailedException failed = await Assert.ThrowsAsync<JuheTaskFailedException>(
            () => client.Midjourney.RunImagineAsync(MidjourneyImagineRequest.CreateBuilder("a lighthouse").Build(), polling: QuickPolls));

        Assert.Equal("FAILURE", failed.RawStatus);
        Assert.Equal(failed.TaskId, ((MidjourneyTask)failed.Payload!).Id);
        Assert.Contains("X-Juhe-Task-Outcome", failed.FailureReason, StringComparison.Ordinal);
        Assert.Null(((MidjourneyTask)failed.Payload!).ImageUrl);
    }

    [Fact]
    public async Task A_Replicate_prediction_asked_to_fail_ends_failed_with_its_error()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        var headers = new HeaderInjector { Headers = { ["X-Juhe-Task-Outcome"] = "failed" } };
        using JuheClient client = Gateways.ClientFor(gateway, headers);

        JuheTaskFailedException failed = await Assert.ThrowsAsync<JuheTaskFailedException>(() => client.Replicate.RunCreateRembgPredictionAsync(
            ReplicateImagePredictionRequest.CreateBuilder(new ReplicateImageInput { Image = "https://example.com/p.png" }).Build(), polling: QuickPolls));

        Assert.Equal("failed", failed.RawStatus);
        Assert.Contains("X-Juhe-Task-Outcome", failed.FailureReason, StringComparison.Ordinal); // Replicate's top-level "error"
    }

    [Fact]
    public async Task A_Sora_video_succeeds_without_an_error_object_and_fails_with_its_reason_at_error_message()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        var headers = new HeaderInjector();
        using JuheClient client = Gateways.ClientFor(gateway, headers);
        SoraCreateVideoRequest request = SoraCreateVideoRequest.CreateBuilder(SoraModel.Sora2, "she smiles").Build();

        JuheTaskSnapshot<SoraVideo> done = await client.Sora.RunCreateVideoAsync(request, polling: QuickPolls);
        headers.Headers["X-Juhe-Task-Outcome"] = "failed";
        JuheTaskFailedException failed = await Assert.ThrowsAsync<JuheTaskFailedException>(() => client.Sora.RunCreateVideoAsync(request, polling: QuickPolls));

        Assert.Null(done.Payload!.Error);
        Assert.Equal(100, done.ProgressPercent);
        Assert.Equal("failed", failed.RawStatus);
        Assert.Contains("X-Juhe-Task-Outcome", failed.FailureReason, StringComparison.Ordinal);
        Assert.Null(((SoraVideo)failed.Payload!).VideoUrl);
    }

    [Fact]
    public async Task A_Suno_task_reports_text_progress_in_its_own_task_object()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { TaskRunningPolls = 3 });
        using JuheClient client = Gateways.ClientFor(gateway);
        var seen = new RecordedProgress<JuheTaskSnapshot<SunoTaskResponse>>();

        JuheTaskSnapshot<SunoTaskResponse> done = await client.Suno.RunCreateMusicAsync(
            SunoMusicRequest.CreateBuilder().WithGptDescriptionPrompt("a happy song").Build(), seen, QuickPolls);

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal("100%", done.Payload!.Data!.Progress);
        Assert.Contains(seen.Items, s => s.RawStatus == "IN_PROGRESS" && s.ProgressPercent is 25 or 50 or 75);
        Assert.False(string.IsNullOrEmpty(done.Payload.Data.TaskId));
    }

    [Fact]
    public async Task A_Midjourney_imagine_is_served_with_and_without_the_speed_prefix()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway);

        MidjourneySubmitResult plain = await client.Midjourney.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("a fox").Build());
        MidjourneySubmitResult relaxed = await client.Midjourney.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("a fox").Build(), MidjourneySpeed.Relax);

        Assert.Equal(["/mj/submit/imagine", "/relax/mj/submit/imagine"], gateway.Calls.Select(c => c.Path));
        Assert.All(gateway.Calls, c => Assert.Equal("submitMidjourneyImagine", c.OperationId));
        Assert.NotEqual(plain.Result, relaxed.Result); // each submit is a new task
    }

    /// <summary>Records every report synchronously (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class RecordedProgress<T> : IProgress<T>
    {
        private readonly List<T> _items = [];

        public IReadOnlyList<T> Items
        {
            get
            {
                lock (_items)
                {
                    return [.. _items];
                }
            }
        }

        public void Report(T value)
        {
            lock (_items)
            {
                _items.Add(value);
            }
        }
    }
}
