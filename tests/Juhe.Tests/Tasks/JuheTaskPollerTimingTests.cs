using Juhe.Tasks;
using static Juhe.Tests.Tasks.TaskPayloads;

namespace Juhe.Tests.Tasks;

/// <summary>When polls happen, when a wait gives up, and how fast it stops when cancelled.</summary>
public class JuheTaskPollerTimingTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Polls_start_after_InitialDelay_and_the_waits_double_up_to_MaxDelay()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock,
            Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("SUCCESS"));
        JuheTaskPollingOptions options = Options(clock);

        await clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, options));

        // Waits 1, 2, 4, 8, 10 (capped), 10, 10 seconds: polls at these moments.
        Assert.Equal(new[] { 1, 3, 7, 15, 25, 35, 45 }.Select(s => s * Second), polls.CalledAt);
    }

    [Fact]
    public async Task The_schedule_follows_InitialDelay_and_MaxDelay_as_configured()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("IN_PROGRESS"), Row("SUCCESS"));
        var options = new JuheTaskPollingOptions
        {
            TimeProvider = clock, Jitter = 0, Timeout = Timeout.InfiniteTimeSpan,
            InitialDelay = TimeSpan.FromSeconds(3), MaxDelay = TimeSpan.FromSeconds(15),
        };

        await clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, options));

        Assert.Equal(new[] { 3, 6, 12, 15, 15 }.Select(s => s * Second), clock.DueTimes);
    }

    [Fact]
    public async Task With_jitter_each_wait_is_shortened_by_at_most_that_fraction()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, [.. Enumerable.Repeat(Row("IN_PROGRESS"), 12), Row("SUCCESS")]);
        var options = new JuheTaskPollingOptions { TimeProvider = clock, Jitter = 0.25, Timeout = Timeout.InfiniteTimeSpan };

        await clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, options));

        double[] nominal = [1, 2, 4, 8, 10, 10, 10, 10, 10, 10, 10, 10, 10];
        Assert.Equal(nominal.Length, clock.DueTimes.Count);
        Assert.All(nominal.Zip(clock.DueTimes), pair =>
            Assert.InRange(pair.Second.TotalSeconds, pair.First * 0.75, pair.First));
        Assert.True(clock.DueTimes.Distinct().Count() > 3, "the waits should vary at random");
    }

    [Theory]
    [InlineData(0.0, new[] { 1.0, 2, 4, 8, 10, 10 })]
    [InlineData(0.999999, new[] { 0.9, 1.8, 3.6, 7.2, 9, 9 })]
    public void The_schedule_doubles_from_the_first_delay_caps_and_jitter_only_shortens(double random, double[] expectedSeconds)
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), jitter: 0.1);

        double[] waits = [.. expectedSeconds.Select(_ => schedule.Next(random).TotalSeconds)];

        Assert.Equal(expectedSeconds, waits, (a, b) => Math.Abs(a - b) < 1e-3);
    }

    [Fact]
    public void A_first_delay_that_does_not_divide_the_cap_still_ends_exactly_on_the_cap()
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), jitter: 0);

        TimeSpan[] waits = [schedule.Next(0), schedule.Next(0), schedule.Next(0), schedule.Next(0)];

        Assert.Equal(new[] { 3, 6, 10, 10 }.Select(s => s * Second), waits);
    }

    [Fact]
    public async Task A_task_that_never_finishes_fails_at_Timeout_with_the_option_the_id_and_the_last_status()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("SUBMITTED"), Row("IN_PROGRESS", "42%"));

        var e = await Assert.ThrowsAsync<JuheTaskTimeoutException>(() =>
            clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, Options(clock, timeout: TimeSpan.FromMinutes(2)))));

        Assert.IsAssignableFrom<TimeoutException>(e);
        Assert.Equal(TimeSpan.FromMinutes(2), clock.Elapsed);
        Assert.Equal(Id, e.TaskId);
        Assert.Equal(TimeSpan.FromMinutes(2), e.Timeout);
        Assert.Equal(JuheTaskState.Running, e.LastState);
        Assert.Equal("IN_PROGRESS", e.LastRawStatus);
        Assert.Equal(42, e.LastProgressPercent);
        Assert.Contains("JuheTaskPollingOptions.Timeout", e.Message, StringComparison.Ordinal);
        Assert.Contains(Id, e.Message, StringComparison.Ordinal);
        Assert.Contains("Running ('IN_PROGRESS'), 42%", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task The_time_limit_also_stops_a_poll_that_hangs()
    {
        var clock = new VirtualClock();
        int polls = 0;
        var started = new TaskCompletionSource();
        async ValueTask<NewApiTaskRow> Hang(string id, CancellationToken token)
        {
            polls++;
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        }

        Task<JuheTaskSnapshot<NewApiTaskRow>> wait = JuheTaskPoller.WaitAsync(Id, Hang, Describe, Options(clock, timeout: TimeSpan.FromSeconds(30)));
        clock.FireNext(); // the first wait ends; the poll starts and hangs
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.FireNext(); // the time limit

        var e = await Assert.ThrowsAsync<JuheTaskTimeoutException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, polls);
        Assert.Null(e.LastState);
        Assert.Contains("no poll had answered yet", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
        Assert.Equal(TimeSpan.FromSeconds(30), clock.Elapsed);
    }

    [Fact]
    public async Task Cancelling_during_a_delay_stops_the_wait_at_once_without_another_poll()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("IN_PROGRESS"));
        using var cts = new CancellationTokenSource();
        Task<JuheTaskSnapshot<NewApiTaskRow>> wait = JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, Options(clock), cancellationToken: cts.Token);
        Assert.True(clock.FireNext()); // the first poll
        await clock.ArmedAsync(3); // the time limit, the first wait, and now the 2 s wait for the second poll
        Assert.Equal(1, polls.Count);

        await cts.CancelAsync();

        // Virtual time does not move by itself: ending at all proves the 2 s wait was not served.
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.Contains(Id, e.Message, StringComparison.Ordinal);
        Assert.Equal(1, polls.Count);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task A_token_already_cancelled_stops_the_wait_before_any_poll()
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("SUCCESS"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, Options(clock), cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, polls.Count);
    }

    [Fact]
    public async Task Cancelling_during_a_poll_stops_the_wait_with_OperationCanceledException_not_a_timeout()
    {
        var clock = new VirtualClock();
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        async ValueTask<NewApiTaskRow> Hang(string id, CancellationToken token)
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        }

        Task<JuheTaskSnapshot<NewApiTaskRow>> wait = JuheTaskPoller.WaitAsync(Id, Hang, Describe, Options(clock), cancellationToken: cts.Token);
        clock.FireNext();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(cts.Token, e.CancellationToken);
    }
}
