namespace Juhe.Tasks;

/// <summary>
/// The task finished without a result: its status mapped to <see cref="JuheTaskState.Failed"/>
/// (or, as the derived <see cref="JuheTaskCancelledException"/>, to <see cref="JuheTaskState.Cancelled"/>).
/// The poll itself worked; the gateway reported the failure.
/// </summary>
public class JuheTaskFailedException : Exception
{
    /// <summary>The most characters of the failure reason quoted in the message; <see cref="FailureReason"/> keeps all of it.</summary>
    public const int MaxReasonInMessage = 500;

    /// <summary>Creates the exception for a task that finished without a result.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="state">How it finished: <see cref="JuheTaskState.Failed"/> or <see cref="JuheTaskState.Cancelled"/>.</param>
    /// <param name="rawStatus">The status exactly as the gateway sent it.</param>
    /// <param name="failureReason">The reason the gateway gave, when it gave one.</param>
    /// <param name="payload">The last status payload.</param>
    public JuheTaskFailedException(string taskId, JuheTaskState state, string? rawStatus, string? failureReason, object? payload)
        : base(Describe(taskId, state, rawStatus, failureReason))
    {
        TaskId = taskId;
        State = state;
        RawStatus = rawStatus;
        FailureReason = failureReason;
        Payload = payload;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JuheTaskFailedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JuheTaskFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public JuheTaskFailedException()
    {
    }

    /// <summary>Lets <see cref="JuheTaskCancelledException"/>'s message-only constructors keep their state.</summary>
    private protected JuheTaskFailedException(JuheTaskState state, string? message, Exception? innerException)
        : base(message, innerException)
    {
        State = state;
    }

    /// <summary>The task's id.</summary>
    public string? TaskId { get; }

    /// <summary>How the task finished: <see cref="JuheTaskState.Failed"/> or <see cref="JuheTaskState.Cancelled"/>.</summary>
    public JuheTaskState State { get; } = JuheTaskState.Failed;

    /// <summary>The status exactly as the gateway sent it (<c>FAILURE</c>, <c>failed</c>, <c>Fail</c>…).</summary>
    public string? RawStatus { get; }

    /// <summary>The reason the gateway gave (<c>fail_reason</c>, <c>failReason</c>, <c>error</c>…), or <see langword="null"/>.</summary>
    public string? FailureReason { get; }

    /// <summary>The last status payload (the family's poll response type), for details the common fields do not carry.</summary>
    public object? Payload { get; }

    private static string Describe(string taskId, JuheTaskState state, string? rawStatus, string? failureReason)
    {
        string verb = state == JuheTaskState.Cancelled ? "was cancelled" : "failed";
        string status = string.IsNullOrEmpty(rawStatus) ? "" : $" (status '{rawStatus}')";
        string reason = string.IsNullOrWhiteSpace(failureReason) ? "the gateway gave no reason"
            : failureReason.Length <= MaxReasonInMessage ? failureReason
            : failureReason[..MaxReasonInMessage] + "…";
        return $"Task '{taskId}' {verb}{status}: {reason}";
    }
}
