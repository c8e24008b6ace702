namespace Juhe.Tasks;

/// <summary>
/// The task was cancelled on the provider's side (its status mapped to <see cref="JuheTaskState.Cancelled"/>).
/// Unlike <see cref="OperationCanceledException"/>, this is not the caller's own cancellation:
/// the wait ran to the end and found the task stopped.
/// </summary>
public sealed class JuheTaskCancelledException : JuheTaskFailedException
{
    /// <summary>Creates the exception for a task that was cancelled.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="rawStatus">The status exactly as the gateway sent it.</param>
    /// <param name="failureReason">The reason the gateway gave, when it gave one.</param>
    /// <param name="payload">The last status payload.</param>
    public JuheTaskCancelledException(string taskId, string? rawStatus, string? failureReason, object? payload)
        : base(taskId, JuheTaskState.Cancelled, rawStatus, failureReason, payload)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JuheTaskCancelledException(string message) : base(JuheTaskState.Cancelled, message, innerException: null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JuheTaskCancelledException(string message, Exception innerException) : base(JuheTaskState.Cancelled, message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public JuheTaskCancelledException() : base(JuheTaskState.Cancelled, message: null, innerException: null)
    {
    }
}
