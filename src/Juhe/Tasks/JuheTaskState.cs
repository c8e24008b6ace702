namespace Juhe.Tasks;

/// <summary>
/// Where an asynchronous gateway task (an image, video or music job) stands, whatever words its
/// family uses for it: <c>IN_PROGRESS</c>, <c>processing</c> and <c>Queueing</c> all map to one of these.
/// </summary>
public enum JuheTaskState
{
    /// <summary>
    /// The status is missing or is a value the family's <see cref="JuheTaskStatusMap"/> does not list.
    /// The poller keeps polling: a gateway that adds a new intermediate status must not break a wait.
    /// </summary>
    Unknown = 0,

    /// <summary>Accepted and waiting to start (<c>SUBMITTED</c>, <c>queued</c>, <c>PENDING</c>…).</summary>
    Queued,

    /// <summary>Being worked on (<c>IN_PROGRESS</c>, <c>processing</c>, <c>RUNNING</c>…).</summary>
    Running,

    /// <summary>Finished with a result (<c>SUCCESS</c>, <c>succeed</c>, <c>completed</c>…).</summary>
    Succeeded,

    /// <summary>Finished without a result (<c>FAILURE</c>, <c>failed</c>, <c>Fail</c>…).</summary>
    Failed,

    /// <summary>Stopped before it finished, by the user or the provider (<c>cancelled</c>, <c>CANCELED</c>…).</summary>
    Cancelled,
}
