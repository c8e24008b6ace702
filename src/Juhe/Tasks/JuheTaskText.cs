using System.Globalization;

namespace Juhe.Tasks;

/// <summary>The one wording of "where a task stands" shared by snapshots and exception messages.</summary>
internal static class JuheTaskText
{
    public static string Describe(string taskId, JuheTaskState state, string? rawStatus, double? progressPercent) =>
        $"task '{taskId}': {Status(state, rawStatus, progressPercent)}";

    public static string Status(JuheTaskState state, string? rawStatus, double? progressPercent)
    {
        string raw = string.IsNullOrEmpty(rawStatus) ? "no status given" : $"'{rawStatus}'";
        string progress = progressPercent is { } p ? string.Create(CultureInfo.InvariantCulture, $", {p:0.##}%") : "";
        return $"{state} ({raw}){progress}";
    }
}
