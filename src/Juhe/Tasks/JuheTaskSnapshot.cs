namespace Juhe.Tasks;

/// <summary>
/// One poll of an asynchronous task: what the status payload said, and the payload itself. The
/// poller reports one to <see cref="IProgress{T}"/> each time the state, raw status or progress
/// changes, and returns the last one when the task succeeds.
/// </summary>
/// <typeparam name="T">The family's status payload type (the poll operation's response).</typeparam>
public sealed class JuheTaskSnapshot<T>
{
    private static readonly string[] NoUrls = [];

    /// <summary>
    /// Creates the snapshot from a payload and its description. On <see cref="JuheTaskState.Succeeded"/>, a
    /// failure reason that is a lone http(s) URL is taken as a result URL (old new-api rows keep
    /// the result in <c>fail_reason</c>), so <see cref="FailureReason"/> is then <see langword="null"/>.
    /// </summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="description">What the payload says.</param>
    /// <param name="payload">The status payload.</param>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is null, empty or white space.</exception>
    public JuheTaskSnapshot(string taskId, JuheTaskDescription description, T payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        TaskId = taskId;
        State = description.State;
        RawStatus = description.RawStatus;
        ProgressPercent = description.ProgressPercent;
        Payload = payload;
        if (description.State == JuheTaskState.Succeeded && LegacyResultUrl.IsResultUrl(description.FailureReason))
        {
            ResultUrls = LegacyResultUrl.Merge(description.ResultUrls, description.FailureReason!);
            FailureReason = null;
        }
        else
        {
            ResultUrls = description.ResultUrls ?? NoUrls;
            FailureReason = string.IsNullOrEmpty(description.FailureReason) ? null : description.FailureReason;
        }
    }

    /// <summary>The task's id.</summary>
    public string TaskId { get; }

    /// <summary>Where the task stands.</summary>
    public JuheTaskState State { get; }

    /// <summary>The status exactly as the gateway sent it, or <see langword="null"/>.</summary>
    public string? RawStatus { get; }

    /// <summary>Progress from 0 to 100, or <see langword="null"/> when the gateway reported none.</summary>
    public double? ProgressPercent { get; }

    /// <summary>The result URLs (images, videos, audio); empty until the task has a result, and for families whose result is fetched by another call.</summary>
    public IReadOnlyList<string> ResultUrls { get; }

    /// <summary>Why the task failed, as the gateway put it, or <see langword="null"/>. Never a result URL (see the constructor).</summary>
    public string? FailureReason { get; }

    /// <summary>The status payload this snapshot was read from.</summary>
    public T Payload { get; }

    /// <summary>Whether the task has finished: <see cref="JuheTaskState.Succeeded"/>, <see cref="JuheTaskState.Failed"/> or <see cref="JuheTaskState.Cancelled"/>.</summary>
    public bool IsCompleted => State is JuheTaskState.Succeeded or JuheTaskState.Failed or JuheTaskState.Cancelled;

    /// <summary>Describes the snapshot in one line, such as <c>task abc: Running (IN_PROGRESS), 42%</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => JuheTaskText.Describe(TaskId, State, RawStatus, ProgressPercent);
}
