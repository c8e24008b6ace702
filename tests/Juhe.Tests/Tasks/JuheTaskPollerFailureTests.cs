using System.Net;
using Juhe.Http;
using Juhe.Tasks;
using static Juhe.Tests.Tasks.TaskPayloads;

namespace Juhe.Tests.Tasks;

/// <summary>Polls that fail: which failures are polled through, how many in a row are tolerated, and which surface at once.</summary>
public class JuheTaskPollerFailureTests
{
    private const string Url = "https://cdn.example/out.mp4";

    public static TheoryData<string> TransientFailures => [.. Transient.Keys];

    private static readonly Dictionary<string, Func<Exception>> Transient = new()
    {
        ["429"] = () => new JuheApiException(HttpStatusCode.TooManyRequests, "当前分组上游负载已饱和，请稍后再试"),
        ["500"] = () => new JuheApiException(HttpStatusCode.InternalServerError, "get_task_failed", errorCode: "get_task_failed"),
        ["502"] = () => new JuheApiException(HttpStatusCode.BadGateway, "请求上游地址失败"),
        ["connection refused"] = () => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
        ["body cut off"] = () => new IOException("The response ended prematurely."),
        ["the client's call timed out"] = () => new TimeoutException("The call did not complete within 00:10:00 (JuheClientOptions.Timeout)."),
        ["HttpClient.Timeout"] = () => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."),
    };

    private static Task<JuheTaskSnapshot<NewApiTaskRow>> Wait(VirtualClock clock, ScriptedPolls<NewApiTaskRow> polls, int maxConsecutivePollFailures = 5) =>
        clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, Options(clock, maxConsecutivePollFailures: maxConsecutivePollFailures)));

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task A_transient_poll_failure_is_polled_through_on_the_same_schedule(string failure)
    {
        var clock = new VirtualClock();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock,
            Row("IN_PROGRESS", "20%"), Throws(Transient[failure]()), Throws(Transient[failure]()), Row("SUCCESS", "100%", resultUrl: Url));

        JuheTaskSnapshot<NewApiTaskRow> done = await Wait(clock, polls);

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal(4, polls.Count);
        // The failed polls kept their places in the doubling schedule.
        Assert.Equal(new[] { 1, 3, 7, 15 }.Select(s => TimeSpan.FromSeconds(s)), polls.CalledAt);
    }

    [Fact]
    public async Task Too_many_transient_failures_in_a_row_surface_the_last_one_wrapped_with_the_task_id()
    {
        var clock = new VirtualClock();
        var last = new JuheApiException(HttpStatusCode.ServiceUnavailable, "no capacity");
        var polls = new ScriptedPolls<NewApiTaskRow>(clock,
            Row("IN_PROGRESS", "60%"), Throws(new HttpRequestException("reset")), Throws(new IOException("cut")), Throws(last));

        var e = await Assert.ThrowsAsync<JuheTaskPollingException>(() => Wait(clock, polls, maxConsecutivePollFailures: 3));

        Assert.Equal(4, polls.Count);
        Assert.Same(last, e.InnerException);
        Assert.Equal(Id, e.TaskId);
        Assert.Equal(3, e.ConsecutiveFailures);
        Assert.Equal(JuheTaskState.Running, e.LastState);
        Assert.Equal("IN_PROGRESS", e.LastRawStatus);
        Assert.Contains(Id, e.Message, StringComparison.Ordinal);
        Assert.Contains("JuheTaskPollingOptions.MaxConsecutivePollFailures", e.Message, StringComparison.Ordinal);
        Assert.Contains("no capacity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_poll_resets_the_count_of_failures_in_a_row()
    {
        var clock = new VirtualClock();
        Func<NewApiTaskRow> fail = Throws(new JuheApiException(HttpStatusCode.BadGateway, "upstream"));
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, fail, fail, Row("IN_PROGRESS"), fail, fail, Row("IN_PROGRESS"), fail, fail, Row("SUCCESS"));

        JuheTaskSnapshot<NewApiTaskRow> done = await Wait(clock, polls, maxConsecutivePollFailures: 3);

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal(9, polls.Count);
    }

    public static TheoryData<string> PermanentFailures => [.. Permanent.Keys];

    private static readonly Dictionary<string, Func<Exception>> Permanent = new()
    {
        ["401 bad key"] = () => new JuheApiException(HttpStatusCode.Unauthorized, "无效的令牌"),
        ["404 task_not_exist"] = () => new JuheApiException(HttpStatusCode.NotFound, "task_not_exist", errorCode: "task_not_exist"),
        ["501"] = () => new JuheApiException(HttpStatusCode.NotImplemented, "api_not_implemented"),
        ["an unreadable payload"] = () => new JuheApiException(HttpStatusCode.OK, "the response body could not be read as NewApiTaskRow", errorType: "invalid_response"),
        ["a TLS failure"] = () => new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established"),
        ["a bug in the fetch function"] = () => new InvalidOperationException("bug"),
    };

    [Theory]
    [MemberData(nameof(PermanentFailures))]
    public async Task A_failure_that_another_poll_cannot_fix_surfaces_at_once_and_unchanged(string failure)
    {
        var clock = new VirtualClock();
        Exception thrown = Permanent[failure]();
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Row("IN_PROGRESS"), Throws(thrown), Row("SUCCESS"));

        Exception e = await Assert.ThrowsAnyAsync<Exception>(() => Wait(clock, polls));

        Assert.Same(thrown, e);
        Assert.Equal(2, polls.Count);
    }

    [Fact]
    public async Task A_failure_the_family_declares_transient_is_polled_through_like_the_built_in_ones()
    {
        // Runway may answer task_not_exist to the first poll after a submit.
        var clock = new VirtualClock();
        Func<NewApiTaskRow> notYet = Throws(new JuheApiException(HttpStatusCode.BadRequest, "task_not_exist", errorCode: "task_not_exist"));
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, notYet, notYet, Row("SUCCESS", resultUrl: Url));
        var options = new JuheTaskPollingOptions
        {
            TimeProvider = clock,
            IsTransientFailure = e => e is JuheApiException { ErrorCode: "task_not_exist" },
        };

        JuheTaskSnapshot<NewApiTaskRow> done = await clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, options));

        Assert.Equal(JuheTaskState.Succeeded, done.State);
        Assert.Equal(3, polls.Count);
    }

    [Fact]
    public async Task A_failure_the_family_declares_transient_still_counts_towards_the_limit()
    {
        var clock = new VirtualClock();
        var notFound = new JuheApiException(HttpStatusCode.BadRequest, "task_not_exist", errorCode: "task_not_exist");
        var polls = new ScriptedPolls<NewApiTaskRow>(clock, Throws(notFound));
        var options = new JuheTaskPollingOptions
        {
            TimeProvider = clock,
            MaxConsecutivePollFailures = 2,
            IsTransientFailure = e => e is JuheApiException { ErrorCode: "task_not_exist" },
        };

        var e = await Assert.ThrowsAsync<JuheTaskPollingException>(() => clock.RunAsync(JuheTaskPoller.WaitAsync(Id, polls.FetchAsync, Describe, options)));

        Assert.Same(notFound, e.InnerException);
        Assert.Equal(2, polls.Count);
    }
}
