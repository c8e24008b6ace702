using Juhe.Tasks;
using static Juhe.Tests.Tasks.TaskPayloads;

namespace Juhe.Tests.Tasks;

/// <summary>How a wait ends: the final snapshot on success, the task's own failure, and what is reported on the way.</summary>
public class JuheTaskPollerOutcomeTests
{
    private const string VideoUrl = "https://cdn.example/jimeng.mp4";

    private static Task<JuheTaskSnapshot<NewApiTaskRow>> Wait(
        VirtualClock clock, ScriptedPolls<NewApiTaskRow> polls, IProgress<JuheTaskSnapshot<NewApiTaskRow>>? progress = null) =>
        clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, Options(clock), progress));

    [Fact]
    public async Task A_task_that_succeeds_returns_its_final_snapshot_after_reporting_each_change_in_order()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock,
            Row("SUBMITTED", "0%"), Row("IN_PROGRESS", "10%"), Row("IN_PROGRESS", "10%"), Row("IN_PROGRESS", "55%"),
            Row("SUCCESS", "100%", resultUrl: VideoUrl));
        var progress = new RecordingProgress<JuheTaskSnapshot<NewApiTaskRow>>();

        JuheTaskSnapshot<NewApiTaskRow> done = await Wait(clock, polls, progress);

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal(Id, done.TaskId);
        Assert.Equal("SUCCESS", done.RawStatus);
        Assert.Equal(100, done.ProgressPercent);
        Assert.Equal([VideoUrl], done.ResultUrls);
        Assert.Null(done.FailureReason);
        Assert.Equal("SUCCESS", done.Payload.Status);
        Assert.True(done.IsCompleted);
        Assert.Equal(5, polls.Count);

        // The repeated "IN_PROGRESS 10%" changed nothing, so it is not reported.
        Assert.Equal(
            ["Queued SUBMITTED 0", "Running IN_PROGRESS 10", "Running IN_PROGRESS 55", "Succeeded SUCCESS 100"],
            progress.Reports.Select(r => $"{r.State} {r.RawStatus} {r.ProgressPercent}"));
        Assert.Same(done, progress.Reports[^1]);
    }

    [Fact]
    public async Task A_task_that_fails_raises_JuheTaskFailedException_with_id_reason_raw_status_and_last_payload()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("IN_PROGRESS", "30%"), Row("FAILURE", "30%", failReason: "prompt rejected by the content filter"));
        var progress = new RecordingProgress<JuheTaskSnapshot<NewApiTaskRow>>();

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => Wait(clock, polls, progress));

        Assert.Equal(Id, e.TaskId);
        Assert.Equal(JuheTaskState.Failed, e.State);
        Assert.Equal("FAILURE", e.RawStatus);
        Assert.Equal("prompt rejected by the content filter", e.FailureReason);
        Assert.Equal("FAILURE", Assert.IsType<NewApiTaskRow>(e.Payload).Status);
        Assert.Equal($"Task '{Id}' failed (status 'FAILURE'): prompt rejected by the content filter", e.Message);
        Assert.Equal(JuheTaskState.Failed, progress.Reports[^1].State);
    }

    [Fact]
    public async Task A_failure_without_a_reason_says_the_gateway_gave_none()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("FAILURE", failReason: ""));

        var e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => Wait(clock, polls));

        Assert.Null(e.FailureReason);
        Assert.EndsWith("the gateway gave no reason", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_failure_reason_is_cut_in_the_message_but_kept_whole_in_FailureReason()
    {
        string reason = new('x', JuheTaskFailedException.MaxReasonInMessage + 100);

        var e = new JuheTaskFailedException(Id, JuheTaskState.Failed, "FAILURE", reason, payload: null);

        Assert.Equal(reason, e.FailureReason);
        Assert.EndsWith(new string('x', JuheTaskFailedException.MaxReasonInMessage) + "…", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', JuheTaskFailedException.MaxReasonInMessage + 1), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_cancelled_by_the_provider_raises_JuheTaskCancelledException_not_OperationCanceledException()
    {
        var clock = new VirtualClock();
        var statuses = new JuheTaskStatusMap(queued: ["queued"], running: ["running"], succeeded: ["succeeded"], failed: ["failed"], cancelled: ["cancelled"]);
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("running"), Row("cancelled"));
        JuheTaskDescription DescribeSeedance(NewApiTaskRow row) => new(statuses.GetState(row.Status), row.Status);

        var e = await Assert.ThrowsAsync<JuheTaskCancelledException>(() =>
            clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, DescribeSeedance, Options(clock))));

        Assert.IsAssignableFrom<JuheTaskFailedException>(e);
        Assert.Equal(JuheTaskState.Cancelled, e.State);
        Assert.Equal("cancelled", e.RawStatus);
        Assert.StartsWith($"Task '{Id}' was cancelled (status 'cancelled')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_whose_fail_reason_holds_the_result_URL_returns_it_as_a_result_not_a_failure()
    {
        // Old new-api rows keep the result URL in fail_reason on SUCCESS (and have no result_url).
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("IN_PROGRESS", "50%"), Row("SUCCESS", "100%", failReason: VideoUrl));

        JuheTaskSnapshot<NewApiTaskRow> done = await Wait(clock, polls);

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal([VideoUrl], done.ResultUrls);
        Assert.Null(done.FailureReason);
    }

    [Fact]
    public async Task An_unknown_status_keeps_polling_and_is_reported_as_Unknown_with_its_raw_value()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("SUBMITTED"), Row("UNKNOWN"), Row("video_generating"), Row(null), Row("SUCCESS", resultUrl: VideoUrl));
        var progress = new RecordingProgress<JuheTaskSnapshot<NewApiTaskRow>>();

        JuheTaskSnapshot<NewApiTaskRow> done = await Wait(clock, polls, progress);

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal(5, polls.Count);
        Assert.Equal(
            [(JuheTaskState.Queued, "SUBMITTED"), (JuheTaskState.Unknown, "UNKNOWN"), (JuheTaskState.Unknown, "video_generating"),
             (JuheTaskState.Unknown, null), (JuheTaskState.Succeeded, "SUCCESS")],
            progress.Reports.Select(r => (r.State, r.RawStatus)));
    }

    [Fact]
    public async Task A_task_already_finished_is_returned_after_one_poll()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("SUCCESS", resultUrl: VideoUrl));
        var progress = new RecordingProgress<JuheTaskSnapshot<NewApiTaskRow>>();

        JuheTaskSnapshot<NewApiTaskRow> done = await Wait(clock, polls, progress);

        Assert.Equal(1, polls.Count);
        Assert.Same(done, Assert.Single(progress.Reports));
    }

    [Fact]
    public async Task An_exception_from_the_describe_function_surfaces_unchanged()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("SUCCESS"));
        var bug = new InvalidOperationException("describe bug");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            clock.RunAsync(JuheTaskPoller.WaitAsync<NewApiTaskRow>(Id, polls.FetchAsync, _ => throw bug, Options(clock))));

        Assert.Same(bug, e);
    }

    [Fact]
    public async Task GetSnapshotAsync_polls_once_and_reports_a_failed_task_without_throwing()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("FAILURE", failReason: "quota"));

        JuheTaskSnapshot<NewApiTaskRow> now = await JuheTaskPoller.GetSnapshotAsync<NewApiTaskRow>(Id, polls.FetchAsync, Describe);

        Assert.Equal(JuheTaskState.Failed, now.State);
        Assert.Equal("quota", now.FailureReason);
        Assert.Equal(1, polls.Count);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_task_id_is_rejected_before_any_poll(string id)
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("SUCCESS"));

        // Thrown by the call itself, not by the task it returns.
        var e = Assert.Throws<ArgumentException>(() => { _ = JuheTaskPoller.WaitAsync(id, polls.FetchAsync, Describe, Options(clock)); });

        Assert.Equal("taskId", e.ParamName);
        Assert.Equal(0, polls.Count);
    }
}
