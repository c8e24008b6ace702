using Juhe.Tasks;
using static Juhe.Tests.Tasks.TaskPayloads;

namespace Juhe.Tests.Tasks;

public class JuheTaskPollingOptionsTests
{
    [Fact]
    public void The_defaults_poll_after_1_s_double_to_10_s_and_give_up_after_30_minutes()
    {
        JuheTaskPollingOptions options = JuheTaskPollingOptions.Default;

        Assert.Equal(TimeSpan.FromSeconds(1), options.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Timeout);
        Assert.Equal(0.1, options.Jitter);
        Assert.Equal(5, options.MaxConsecutivePollFailures);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    public static TheoryData<JuheTaskPollingOptions, string> BadOptions => new()
    {
        { new() { InitialDelay = TimeSpan.Zero }, "JuheTaskPollingOptions.InitialDelay must be positive" },
        { new() { InitialDelay = TimeSpan.FromSeconds(-1) }, "JuheTaskPollingOptions.InitialDelay must be positive" },
        { new() { InitialDelay = TimeSpan.FromSeconds(20) }, "JuheTaskPollingOptions.MaxDelay must be at least InitialDelay (00:00:20)" },
        { new() { MaxDelay = TimeSpan.FromDays(100) }, "JuheTaskPollingOptions.MaxDelay must be at least InitialDelay" },
        { new() { Timeout = TimeSpan.Zero }, "JuheTaskPollingOptions.Timeout must be positive" },
        { new() { Timeout = TimeSpan.FromSeconds(-2) }, "JuheTaskPollingOptions.Timeout must be positive" },
        { new() { Jitter = -0.1 }, "JuheTaskPollingOptions.Jitter must be from 0" },
        { new() { Jitter = 1 }, "JuheTaskPollingOptions.Jitter must be from 0" },
        { new() { Jitter = double.NaN }, "JuheTaskPollingOptions.Jitter must be from 0" },
        { new() { MaxConsecutivePollFailures = 0 }, "JuheTaskPollingOptions.MaxConsecutivePollFailures must be at least 1" },
        { new() { TimeProvider = null! }, "JuheTaskPollingOptions.TimeProvider must not be null" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void An_option_that_cannot_work_is_rejected_by_name_before_any_poll(JuheTaskPollingOptions options, string expected)
    {
        int polls = 0;
        ValueTask<NewApiTaskRow> Fetch(string id, CancellationToken token) => ValueTask.FromResult(new NewApiTaskRow(polls++.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var e = Assert.Throws<ArgumentException>(() => { _ = JuheTaskPoller.WaitAsync(Id, Fetch, Describe, options); });
        var fromHandle = Assert.Throws<ArgumentException>(() => new JuheTaskHandle<NewApiTaskRow>(Id, Fetch, Describe, options));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal("options", e.ParamName);
        Assert.Equal(e.Message, fromHandle.Message);
        Assert.Equal(0, polls);
    }

    [Fact]
    public void An_infinite_timeout_is_allowed()
    {
        var handle = new JuheTaskHandle<NewApiTaskRow>(Id, (_, _) => default, Describe, new JuheTaskPollingOptions { Timeout = Timeout.InfiniteTimeSpan });

        Assert.Equal(Timeout.InfiniteTimeSpan, handle.Options.Timeout);
    }
}
