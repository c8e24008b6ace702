using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Juhe.Gateway.Catalog;

namespace Juhe.Gateway.Tasks;

/// <summary>What a poll reports: the status value and, once it has ended, the result URL.</summary>
internal readonly record struct TaskPhase(string? Status, int Progress, bool Succeeded, bool Failed);

/// <summary>
/// The tasks submitted to this gateway. Each poll advances a task's lifecycle: queued on the first
/// poll, running (with progress) for <see cref="JuheGatewayOptions.TaskRunningPolls"/> polls, then
/// succeeded with a result URL this gateway serves, or failed when the submit asked for it.
/// </summary>
internal sealed class TaskStore(int runningPolls)
{
    /// <summary>The reason a task asked to fail (<c>X-Juhe-Task-Outcome: failed</c>) gives.</summary>
    public const string FailReason = "The offline gateway failed this task as the submit asked (X-Juhe-Task-Outcome: failed).";

    private static readonly string[] TaskIdNames = ["id", "task_id"];

    private readonly ConcurrentDictionary<string, GatewayTask> _tasks = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>Registers a new task and returns it.</summary>
    public GatewayTask Submit(TaskSpec spec, bool fails, string resultExtension)
    {
        string id = "task_" + Interlocked.Increment(ref _next).ToString("D6", CultureInfo.InvariantCulture);
        var task = new GatewayTask(id, spec, fails, resultExtension);
        _tasks[id] = task;
        return task;
    }

    /// <summary>The task whose id is one of <paramref name="candidates"/> (the poll's path and query values).</summary>
    public GatewayTask? Find(IEnumerable<string> candidates) =>
        candidates.Select(c => _tasks.TryGetValue(c, out GatewayTask? task) ? task : null).FirstOrDefault(t => t is not null);

    /// <summary>Counts a poll of <paramref name="task"/> and says where it is now.</summary>
    public TaskPhase Advance(GatewayTask task)
    {
        int poll = task.Poll();
        TaskSpec spec = task.Spec;
        if (poll <= 1)
        {
            return new TaskPhase(First(spec.Queued) ?? First(spec.Running), 0, false, false);
        }

        if (poll <= 1 + runningPolls)
        {
            return new TaskPhase(First(spec.Running), 100 * (poll - 1) / (runningPolls + 1), false, false);
        }

        return task.Fails
            ? new TaskPhase(First(spec.Failed), 100, false, true)
            : new TaskPhase(First(spec.Succeeded), 100, true, false);
    }

    /// <summary>Writes a submit's task id and first status into its answer, and clears its failure reason.</summary>
    public static void StampSubmit(JsonNode? answer, GatewayTask task)
    {
        if (task.Spec.IdPath is { } idPath)
        {
            JsonPath.Set(answer, idPath, task.Id);
        }

        if (task.Spec.StatusPath is { } statusPath && JsonPath.Get(answer, statusPath) is not null && First(task.Spec.Queued) is { } queued)
        {
            JsonPath.Set(answer, statusPath, queued);
        }

        // A task just submitted has not failed: a generated reason would read as an error (Replicate's "error").
        if (task.Spec.FailReasonPath is { } failReasonPath)
        {
            JsonPath.Clear(answer, failReasonPath);
        }
    }

    /// <summary>Writes a poll's status, progress, result URL (once succeeded) and failure reason (once failed) into its answer.</summary>
    public static void StampPoll(JsonNode? answer, GatewayTask task, TaskPhase phase, Func<string, string> fileUrl)
    {
        TaskSpec spec = task.Spec;
        // The submit's id path, where the poll answer has a value there too (Sora's id); Suno's submit
        // id path "data" is the poll's whole task object, which stays.
        if (spec.IdPath is { } idPath && JsonPath.Get(answer, idPath) is JsonValue)
        {
            JsonPath.Set(answer, idPath, task.Id);
        }

        if (spec.StatusPath is { } statusPath && phase.Status is { } status)
        {
            JsonPath.Set(answer, statusPath, status);

            // The task object that holds the status names the task too (Midjourney's id, Kling's and
            // Suno's task_id): the id polled, not a generated one.
            int dot = statusPath.LastIndexOf('.');
            JsonNode? owner = dot < 0 ? answer : JsonPath.Get(answer, statusPath[..dot]);
            foreach (string idName in TaskIdNames)
            {
                if (owner is JsonObject taskObject && taskObject[idName] is JsonValue)
                {
                    taskObject[idName] = task.Id;
                }
            }
        }

        if (spec.ProgressPath is { } progressPath)
        {
            JsonNode? current = JsonPath.Get(answer, progressPath);
            JsonPath.Set(answer, progressPath, current is JsonValue v && v.TryGetValue(out string? _)
                ? JsonValue.Create(phase.Progress.ToString(CultureInfo.InvariantCulture) + "%")
                : JsonValue.Create(phase.Progress));
        }

        // The result URL goes to the first result path alone: a Midjourney image has no videoUrl too.
        for (int i = 0; i < spec.ResultPaths.Count; i++)
        {
            if (i == 0 && phase.Succeeded)
            {
                JsonPath.Set(answer, spec.ResultPaths[i], JsonValue.Create(fileUrl(task.Id + task.ResultExtension)));
            }
            else
            {
                JsonPath.Clear(answer, spec.ResultPaths[i]);
            }
        }

        if (spec.FailReasonPath is { } failReasonPath)
        {
            if (phase.Failed)
            {
                JsonPath.Set(answer, failReasonPath, JsonValue.Create(FailReason));
            }
            else
            {
                JsonPath.Clear(answer, failReasonPath);
            }
        }
    }

    private static string? First(IReadOnlyList<string> values) => values.Count > 0 ? values[0] : null;
}
