using System.Globalization;

namespace Juhe.Tasks;

/// <summary>
/// Polling a task failed transiently (429, 5xx, dropped connections, polls that timed out) more
/// times in a row than <see cref="JuheTaskPollingOptions.MaxConsecutivePollFailures"/> allows. The
/// last failure is the <see cref="Exception.InnerException"/>. The task itself was not reported
/// as failed and may still finish: wait for it again with its <see cref="TaskId"/>.
/// </summary>
public sealed class JuheTaskPollingException : Exception
{
    /// <summary>Creates the exception after the last of a run of failed polls.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="consecutiveFailures">How many polls in a row failed.</param>
    /// <param name="lastState">The state last read, or <see langword="null"/> when no poll had answered yet.</param>
    /// <param name="lastRawStatus">The raw status last read.</param>
    /// <param name="innerException">The last failure.</param>
    public JuheTaskPollingException(string taskId, int consecutiveFailures, JuheTaskState? lastState, string? lastRawStatus, Exception innerException)
        : base(Describe(taskId, consecutiveFailures, lastState, lastRawStatus, innerException), innerException)
    {
        TaskId = taskId;
        ConsecutiveFailures = consecutiveFailures;
        LastState = lastState;
        LastRawStatus = lastRawStatus;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JuheTaskPollingException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JuheTaskPollingException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public JuheTaskPollingException()
    {
    }

    /// <summary>The task's id.</summary>
    public string? TaskId { get; }

    /// <summary>How many polls in a row failed.</summary>
    public int ConsecutiveFailures { get; }

    /// <summary>The state last read, or <see langword="null"/> when no poll had answered yet.</summary>
    public JuheTaskState? LastState { get; }

    /// <summary>The raw status last read, or <see langword="null"/>.</summary>
    public string? LastRawStatus { get; }

    private static string Describe(string taskId, int failures, JuheTaskState? lastState, string? lastRawStatus, Exception last)
    {
        string status = lastState is { } state ? "its last status was " + JuheTaskText.Status(state, lastRawStatus, null) : "no poll had answered yet";
        return string.Create(CultureInfo.InvariantCulture,
            $"Polling task '{taskId}' failed {failures} times in a row (JuheTaskPollingOptions.MaxConsecutivePollFailures); {status}. The task may still finish: wait for it again with its id. Last failure: {last.Message}");
    }
}
