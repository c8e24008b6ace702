using Juhe.Tasks;

namespace Juhe.Tests.Tasks;

/// <summary>A new-api task row as Suno, Jimeng and the generic video route return it (catalogue §14.5, §15).</summary>
internal sealed record NewApiTaskRow(string? Status, string? Progress = null, string? ResultUrl = null, string? FailReason = null);

/// <summary>The describe function a generated new-api family would have, written by hand.</summary>
internal static class TaskPayloads
{
    public const string Id = "cgt-20250829165122-qkwch";

    public static readonly JuheTaskStatusMap NewApiStatuses = new(
        queued: ["NOT_START", "SUBMITTED", "QUEUED"],
        running: ["IN_PROGRESS"],
        succeeded: ["SUCCESS"],
        failed: ["FAILURE"]);

    public static JuheTaskDescription Describe(NewApiTaskRow row)
    {
        double? progress = JuheTaskProgress.TryParse(row.Progress, out double percent) ? percent : null;
        return new JuheTaskDescription(
            NewApiStatuses.GetState(row.Status), row.Status, progress,
            row.ResultUrl is null ? null : [row.ResultUrl], row.FailReason);
    }

    public static Func<NewApiTaskRow> Row(string? status, string? progress = null, string? resultUrl = null, string? failReason = null) =>
        () => new NewApiTaskRow(status, progress, resultUrl, failReason);

    public static Func<NewApiTaskRow> Throws(Exception exception) => () => throw exception;

    /// <summary>Polling with the default schedule, no jitter, on the virtual clock.</summary>
    public static JuheTaskPollingOptions Options(VirtualClock clock, TimeSpan? timeout = null, int maxConsecutivePollFailures = 5) => new()
    {
        TimeProvider = clock,
        Jitter = 0,
        Timeout = timeout ?? TimeSpan.FromMinutes(30),
        MaxConsecutivePollFailures = maxConsecutivePollFailures,
    };
}
