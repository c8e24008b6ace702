using Juhe.Tasks;

namespace Juhe.Tests.Tasks;

public class JuheTaskSnapshotTests
{
    private const string Url = "https://cdn1.suno.ai/a06015d0.mp3";

    private static JuheTaskSnapshot<string> Snapshot(JuheTaskState state, string? failureReason, IReadOnlyList<string>? urls = null) =>
        new("task-1", new JuheTaskDescription(state, state.ToString(), resultUrls: urls, failureReason: failureReason), "payload");

    [Theory]
    [InlineData(Url)]
    [InlineData("  " + Url + "\n")]
    [InlineData("http://gw.example/mj/image/1735000123456789")]
    public void On_success_a_fail_reason_that_is_a_URL_is_a_result_URL(string failReason)
    {
        JuheTaskSnapshot<string> snapshot = Snapshot(JuheTaskState.Succeeded, failReason);

        Assert.Equal([failReason.Trim()], snapshot.ResultUrls);
        Assert.Null(snapshot.FailureReason);
    }

    [Fact]
    public void On_success_the_URL_in_fail_reason_is_not_listed_twice_when_result_url_has_it_too()
    {
        JuheTaskSnapshot<string> snapshot = Snapshot(JuheTaskState.Succeeded, Url, urls: [Url]);

        Assert.Equal([Url], snapshot.ResultUrls);
        Assert.Null(snapshot.FailureReason);
    }

    [Fact]
    public void On_success_a_different_URL_in_fail_reason_is_added_after_the_listed_results()
    {
        const string Video = "https://cdn1.suno.ai/a06015d0.mp4";

        JuheTaskSnapshot<string> snapshot = Snapshot(JuheTaskState.Succeeded, Url, urls: [Video]);

        Assert.Equal([Video, Url], snapshot.ResultUrls);
    }

    [Theory]
    [InlineData("upstream busy, see https://status.example")]
    [InlineData("ftp://files.example/out.mp4")]
    [InlineData("/mj/image/1735000123456789")]
    public void On_success_a_fail_reason_that_is_not_a_lone_http_URL_stays_a_reason(string failReason)
    {
        JuheTaskSnapshot<string> snapshot = Snapshot(JuheTaskState.Succeeded, failReason);

        Assert.Empty(snapshot.ResultUrls);
        Assert.Equal(failReason, snapshot.FailureReason);
    }

    [Theory]
    [InlineData(JuheTaskState.Failed)]
    [InlineData(JuheTaskState.Running)]
    [InlineData(JuheTaskState.Unknown)]
    public void Before_or_without_success_a_URL_in_fail_reason_is_left_as_the_reason(JuheTaskState state)
    {
        JuheTaskSnapshot<string> snapshot = Snapshot(state, Url);

        Assert.Empty(snapshot.ResultUrls);
        Assert.Equal(Url, snapshot.FailureReason);
    }

    [Fact]
    public void An_empty_fail_reason_is_no_reason()
    {
        Assert.Null(Snapshot(JuheTaskState.Failed, "").FailureReason);
    }

    [Theory]
    [InlineData(JuheTaskState.Unknown, false)]
    [InlineData(JuheTaskState.Queued, false)]
    [InlineData(JuheTaskState.Running, false)]
    [InlineData(JuheTaskState.Succeeded, true)]
    [InlineData(JuheTaskState.Failed, true)]
    [InlineData(JuheTaskState.Cancelled, true)]
    public void Only_success_failure_and_cancellation_complete_a_task(JuheTaskState state, bool completed)
    {
        Assert.Equal(completed, Snapshot(state, null).IsCompleted);
    }

    [Fact]
    public void ToString_says_the_id_state_raw_status_and_progress()
    {
        var snapshot = new JuheTaskSnapshot<string>("1735000123456789", new JuheTaskDescription(JuheTaskState.Running, "IN_PROGRESS", 42.5), "payload");

        Assert.Equal("task '1735000123456789': Running ('IN_PROGRESS'), 42.5%", snapshot.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    [InlineData(double.NaN)]
    public void A_description_with_progress_outside_0_to_100_is_rejected(double progress)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JuheTaskDescription(JuheTaskState.Running, "RUNNING", progress));

        Assert.Equal("progressPercent", e.ParamName);
        Assert.Contains("JuheTaskProgress", e.Message, StringComparison.Ordinal);
    }
}
