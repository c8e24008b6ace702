using Juhe.Tasks;
using static Juhe.Tasks.JuheTaskState;

namespace Juhe.Tests.Tasks;

/// <summary>
/// Every async family's status values as the catalogue tabulates them (§0.4 and the family
/// sections), with the state each means. The schemas' <c>x-juhe-task</c> lists should say the same.
/// </summary>
internal static class CatalogueTaskStatuses
{
    public sealed record Family(string Name, (string Raw, JuheTaskState State)[] Statuses, string[] Unlisted)
    {
        public JuheTaskStatusMap Map { get; } = new(
            queued: Listed(Statuses, Queued), running: Listed(Statuses, Running), succeeded: Listed(Statuses, Succeeded),
            failed: Listed(Statuses, Failed), cancelled: Listed(Statuses, Cancelled));

        private static string[] Listed((string Raw, JuheTaskState State)[] statuses, JuheTaskState state) =>
            [.. statuses.Where(s => s.State == state).Select(s => s.Raw)];
    }

    /// <summary>new-api's TaskStatus, used by Suno, Jimeng, the generic video route and vanilla Kling rows.</summary>
    private static readonly (string, JuheTaskState)[] NewApiTaskStatus =
        [("NOT_START", Queued), ("SUBMITTED", Queued), ("QUEUED", Queued), ("IN_PROGRESS", Running), ("SUCCESS", Succeeded), ("FAILURE", Failed)];

    public static readonly Family[] Families =
    [
        // MODAL waits for the caller's /mj/submit/modal; CANCEL is ❓ in the catalogue.
        new("Midjourney", [("NOT_START", Queued), ("SUBMITTED", Queued), ("MODAL", Queued), ("IN_PROGRESS", Running), ("SUCCESS", Succeeded), ("FAILURE", Failed), ("CANCEL", Cancelled)], []),
        new("Suno", NewApiTaskStatus, ["UNKNOWN"]),
        new("Kling", [("submitted", Queued), ("processing", Running), ("succeed", Succeeded), ("failed", Failed)], []),
        new("Luma", [("pending", Queued), ("processing", Running), ("completed", Succeeded), ("failed", Failed)], []),
        new("Runway", [("PENDING", Queued), ("THROTTLED", Queued), ("RUNNING", Running), ("SUCCEEDED", Succeeded), ("FAILED", Failed), ("CANCELLED", Cancelled)], []),
        new("Veo", [("pending", Queued), ("processing", Running), ("video_generating", Running), ("completed", Succeeded), ("failed", Failed)], ["video_upsampling"]),
        new("Sora-2", [("queued", Queued), ("in_progress", Running), ("completed", Succeeded), ("failed", Failed)], []),
        new("new-api generic video", NewApiTaskStatus, ["UNKNOWN"]),
        new("Seedance", [("queued", Queued), ("running", Running), ("succeeded", Succeeded), ("failed", Failed), ("cancelled", Cancelled)], []),
        new("Hailuo", [("Preparing", Queued), ("Queueing", Queued), ("Processing", Running), ("Success", Succeeded), ("Fail", Failed)], []),
        new("Jimeng", NewApiTaskStatus, ["UNKNOWN"]),
        new("Jimeng (Volc official)", [("in_queue", Queued), ("generating", Running), ("done", Succeeded), ("not_found", Failed), ("expired", Failed)], []),
        new("Wanxiang", [("PENDING", Queued), ("RUNNING", Running), ("SUCCEEDED", Succeeded), ("FAILED", Failed), ("CANCELED", Cancelled)], ["UNKNOWN"]),
        new("Replicate", [("starting", Queued), ("processing", Running), ("succeeded", Succeeded), ("failed", Failed), ("canceled", Cancelled)], []),
        new("Fal.ai", [("IN_QUEUE", Queued), ("IN_PROGRESS", Running), ("COMPLETED", Succeeded)], []),
    ];

    public static Family Named(string name) => Families.Single(f => f.Name == name);
}
