using System.Text.Json.Serialization;
using Juhe.Tasks;

namespace Juhe.Tests.Tasks;

/// <summary>Suno's fetch-one answer (catalogue §15): <c>{"code":"success","data":Task}</c>.</summary>
internal sealed record SunoFetchResponse(string? Code, SunoTask? Data);

internal sealed record SunoTask(string? TaskId, string? Status, string? Progress, string? FailReason, SunoClip[]? Data);

internal sealed record SunoClip(string? Id, string? Status, string? AudioUrl);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SunoFetchResponse))]
internal sealed partial class SunoTestJson : JsonSerializerContext;

/// <summary>What the generator will emit for Suno from its <c>x-juhe-task</c> paths, written by hand.</summary>
internal static class SunoPolling
{
    private static readonly JuheTaskStatusMap Statuses = new(
        queued: ["NOT_START", "SUBMITTED", "QUEUED"], running: ["IN_PROGRESS"], succeeded: ["SUCCESS"], failed: ["FAILURE"]);

    public static JuheTaskDescription Describe(SunoFetchResponse response)
    {
        SunoTask? task = response.Data;
        double? progress = JuheTaskProgress.TryParse(task?.Progress, out double percent) ? percent : null;
        string[]? urls = task?.Data?.Where(c => !string.IsNullOrEmpty(c.AudioUrl)).Select(c => c.AudioUrl!).ToArray();
        return new JuheTaskDescription(Statuses.GetState(task?.Status), task?.Status, progress, urls, task?.FailReason);
    }
}
