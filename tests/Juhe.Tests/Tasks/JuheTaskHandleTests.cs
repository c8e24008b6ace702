using Juhe.Tasks;
using static Juhe.Tests.Tasks.TaskPayloads;

namespace Juhe.Tests.Tasks;

/// <summary>The handle a generated SubmitAsync returns; RunAsync is submit and then wait.</summary>
public class JuheTaskHandleTests
{
    private const string Url = "https://cdn.example/out.png";

    /// <summary>What a generated family client does: POST the job, read the id, hand back a handle.</summary>
    private static JuheTaskHandle<NewApiTaskRow> Submit(ScriptedPolls<NewApiTaskRow> polls, JuheTaskPollingOptions options) =>
        new(Id, polls.FetchAsync, Describe, options);

    [Fact]
    public async Task Waiting_on_a_handle_polls_its_task_until_it_succeeds()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("SUBMITTED"), Row("IN_PROGRESS", "80%"), Row("SUCCESS", "100%", resultUrl: Url));
        JuheTaskHandle<NewApiTaskRow> task = Submit(polls, Options(clock));
        var progress = new RecordingProgress<JuheTaskSnapshot<NewApiTaskRow>>();

        JuheTaskSnapshot<NewApiTaskRow> done = await clock.RunAsync(task.WaitAsync(progress));

        Assert.Equal(Id, task.Id);
        Assert.Equal(Id, task.ToString());
        Assert.Equal([Url], done.ResultUrls);
        Assert.Equal([JuheTaskState.Queued, JuheTaskState.Running, JuheTaskState.Succeeded], progress.Reports.Select(r => r.State));
    }

    [Fact]
    public async Task A_handle_can_be_waited_on_again_after_a_timeout_and_then_sees_the_task_finish()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("SUCCESS", resultUrl: Url));
        JuheTaskHandle<NewApiTaskRow> task = Submit(polls, Options(clock, timeout: TimeSpan.FromSeconds(5)));

        await Assert.ThrowsAsync<JuheTaskTimeoutException>(() => clock.RunAsync(task.WaitAsync()));
        JuheTaskSnapshot<NewApiTaskRow> done = await clock.RunAsync(task.WaitAsync());

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal(3, polls.Count);
    }

    [Fact]
    public async Task GetSnapshotAsync_on_a_handle_polls_once_without_waiting()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("IN_PROGRESS", "12%"));
        JuheTaskHandle<NewApiTaskRow> task = Submit(polls, Options(clock));

        JuheTaskSnapshot<NewApiTaskRow> now = await task.GetSnapshotAsync();

        Assert.Equal(JuheTaskState.Running, now.State);
        Assert.Equal(12, now.ProgressPercent);
        Assert.Equal(1, polls.Count);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public void A_handle_needs_an_id()
    {
        var e = Assert.Throws<ArgumentException>(() => new JuheTaskHandle<NewApiTaskRow>("", (_, _) => default, Describe));

        Assert.Equal("id", e.ParamName);
    }
}
