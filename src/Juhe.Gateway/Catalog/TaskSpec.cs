namespace Juhe.Gateway.Catalog;

/// <summary>
/// An operation's <c>x-juhe-task</c>: it submits a task that <see cref="Poll"/> follows. The paths
/// are dotted member paths into the JSON answers (<c>data.task_id</c>); a result path may walk a
/// list's items with <c>[]</c> (<c>data.task_result.videos[].url</c>).
/// </summary>
internal sealed record TaskSpec(
    string Poll,
    string? IdPath,
    string? StatusPath,
    IReadOnlyList<string> ResultPaths,
    string? ProgressPath,
    string? FailReasonPath,
    IReadOnlyList<string> Queued,
    IReadOnlyList<string> Running,
    IReadOnlyList<string> Succeeded,
    IReadOnlyList<string> Failed);
