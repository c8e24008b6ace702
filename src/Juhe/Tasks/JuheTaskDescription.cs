namespace Juhe.Tasks;

/// <summary>
/// What one status payload says about its task: the state, the raw status, progress, result URLs
/// and failure reason. A family's describe function (generated from the schema's
/// <c>x-juhe-task</c> paths, or written by hand) reads these out of its payload type and returns
/// this; the poller does the rest.
/// </summary>
/// <remarks>
/// Where a family reports success before its result is there (Luma's <c>completed</c> may briefly
/// lack <c>video.download_url</c>), the describe function should say <see cref="JuheTaskState.Running"/>
/// until it is, so that the poller keeps polling.
/// </remarks>
public readonly struct JuheTaskDescription
{
    /// <summary>Describes one status payload.</summary>
    /// <param name="state">The state, usually from the family's <see cref="JuheTaskStatusMap"/>.</param>
    /// <param name="rawStatus">The status exactly as the gateway sent it, when it sent one.</param>
    /// <param name="progressPercent">Progress from 0 to 100 (see <see cref="JuheTaskProgress"/>), when reported.</param>
    /// <param name="resultUrls">The result URLs found in the payload; <see langword="null"/> for none.</param>
    /// <param name="failureReason">The failure reason the gateway gave, when it gave one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="progressPercent"/> is not a number from 0 to 100.</exception>
    public JuheTaskDescription(
        JuheTaskState state,
        string? rawStatus,
        double? progressPercent = null,
        IReadOnlyList<string>? resultUrls = null,
        string? failureReason = null)
    {
        if (progressPercent is { } percent && !JuheTaskProgress.TryFromPercent(percent, out _))
        {
            throw new ArgumentOutOfRangeException(nameof(progressPercent), percent,
                "Progress must be a percentage from 0 to 100; read the payload's value with JuheTaskProgress first.");
        }

        State = state;
        RawStatus = rawStatus;
        ProgressPercent = progressPercent;
        ResultUrls = resultUrls;
        FailureReason = failureReason;
    }

    /// <summary>The state the payload means.</summary>
    public JuheTaskState State { get; }

    /// <summary>The status exactly as the gateway sent it, or <see langword="null"/>.</summary>
    public string? RawStatus { get; }

    /// <summary>Progress from 0 to 100, or <see langword="null"/> when the payload reports none.</summary>
    public double? ProgressPercent { get; }

    /// <summary>The result URLs found in the payload, or <see langword="null"/> for none.</summary>
    public IReadOnlyList<string>? ResultUrls { get; }

    /// <summary>The failure reason the gateway gave, or <see langword="null"/>.</summary>
    public string? FailureReason { get; }
}
