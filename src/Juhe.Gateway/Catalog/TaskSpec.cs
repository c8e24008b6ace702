namespace Juhe.Gateway.Catalog;

/// <summary>
/// An operation's <c>x-juhe-task</c>: it submits a task that <see cref="Poll"/> follows. The paths
/// are dotted member paths into the JSON answers (<c>data.task_id</c>).
/// </summary>
internal sealed record TaskSpec(
    string Poll,
    string? IdPath,
    string? StatusPath,
    string? ResultPath,
    string? ProgressPath,
    IReadOnlyList<string> Queued,
    IReadOnlyList<string> Running,
    IReadOnlyList<string> Succeeded,
    IReadOnlyList<string> Failed);
