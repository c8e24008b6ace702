using System.Globalization;

namespace Juhe.Tasks;

/// <summary>
/// The task did not finish within <see cref="JuheTaskPollingOptions.Timeout"/>. The wait gave up;
/// the task may still finish on the gateway, and can be waited for again with its <see cref="TaskId"/>.
/// </summary>
public sealed class JuheTaskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a wait that ran out of time.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="timeout">The time limit that elapsed.</param>
    /// <param name="lastState">The state last read, or <see langword="null"/> when no poll had answered yet.</param>
    /// <param name="lastRawStatus">The raw status last read.</param>
    /// <param name="lastProgressPercent">The progress last read.</param>
    /// <param name="innerException">The cancellation that stopped the wait, if any.</param>
    public JuheTaskTimeoutException(
        string taskId, TimeSpan timeout, JuheTaskState? lastState, string? lastRawStatus, double? lastProgressPercent, Exception? innerException = null)
        : base(Describe(taskId, timeout, lastState, lastRawStatus, lastProgressPercent), innerException)
    {
        TaskId = taskId;
        Timeout = timeout;
        LastState = lastState;
        LastRawStatus = lastRawStatus;
        LastProgressPercent = lastProgressPercent;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JuheTaskTimeoutException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JuheTaskTimeoutException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public JuheTaskTimeoutException()
    {
    }

    /// <summary>The task's id.</summary>
    public string? TaskId { get; }

    /// <summary>The time limit that elapsed (<see cref="JuheTaskPollingOptions.Timeout"/>).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The state last read, or <see langword="null"/> when no poll had answered yet.</summary>
    public JuheTaskState? LastState { get; }

    /// <summary>The raw status last read, or <see langword="null"/>.</summary>
    public string? LastRawStatus { get; }

    /// <summary>The progress last read, or <see langword="null"/>.</summary>
    public double? LastProgressPercent { get; }

    private static string Describe(string taskId, TimeSpan timeout, JuheTaskState? lastState, string? lastRawStatus, double? lastProgressPercent)
    {
        string last = lastState is { } state
            ? "its last status was " + JuheTaskText.Status(state, lastRawStatus, lastProgressPercent)
            : "no poll had answered yet";
        return string.Create(CultureInfo.InvariantCulture,
            $"Task '{taskId}' did not finish within {timeout} (JuheTaskPollingOptions.Timeout); {last}. The task may still finish: wait for it again with its id.");
    }
}
