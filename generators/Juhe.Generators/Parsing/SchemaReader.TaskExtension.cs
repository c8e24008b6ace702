using Juhe.Generators.Model;

namespace Juhe.Generators.Parsing;

// The x-juhe-task extension: how a task-submitting operation is polled.
internal sealed partial class SchemaReader
{
    private TaskDef? ReadTask(JsonNode node, string where)
    {
        if (node is not JsonObjectNode task)
        {
            ReportKind(node, "the x-juhe-task of " + where, "an object");
            return null;
        }

        string? poll = RequiredString(task, "poll", "the x-juhe-task of " + where, "add \"poll\": the operationId of the status operation");
        string? id = RequiredString(task, "id", "the x-juhe-task of " + where, "add \"id\": the JSON path of the task id in the submit response, e.g. \"data.task_id\"");
        string? status = RequiredString(task, "status", "the x-juhe-task of " + where, "add \"status\": the JSON path of the status in the poll response");
        if (poll is null || id is null || status is null)
        {
            return null;
        }

        return new TaskDef
        {
            Poll = poll,
            IdPath = id,
            StatusPath = status,
            ResultPaths = task["result"] is JsonArrayNode ? StringList(task, "result") : OptionalString(task, "result") is { } result ? new[] { result }.ToEquatableArray() : EquatableArray<string>.Empty,
            ProgressPath = OptionalString(task, "progress"),
            FailReasonPath = OptionalString(task, "failReason"),
            Queued = StringList(task, "queued"),
            Running = StringList(task, "running"),
            Succeeded = StringList(task, "succeeded"),
            Failed = StringList(task, "failed"),
            Cancelled = StringList(task, "cancelled"),
            Position = task.Start,
        };
    }
}
