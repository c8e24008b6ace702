namespace Juhe.Generators.Model;

/// <summary>
/// How a task-submitting operation is followed up (<c>x-juhe-task</c>), resolved against the
/// generated types: the poll method, the typed paths of id, status, progress, results and failure
/// reason, and which status values mean what. Emitted as <c>Submit…Async</c>, <c>Run…Async</c>,
/// the poll operation's <c>Wait…Async</c>, a status map and a describe function.
/// </summary>
internal sealed record TaskModel
{
    /// <summary>The operationId of the status operation.</summary>
    public required string PollOperationId { get; init; }

    /// <summary>The poll method, e.g. <c>GetText2VideoTaskAsync</c>.</summary>
    public required string PollMethodName { get; init; }

    /// <summary>The stem the poll's helpers are named after: the poll stem without a leading <c>Get</c> (<c>Text2VideoTask</c>).</summary>
    public required string PollName { get; init; }

    /// <summary>The poll response type: the snapshot's payload.</summary>
    public required TypeRef PollType { get; init; }

    /// <summary>The task id in the submit response.</summary>
    public required TaskPath Id { get; init; }

    /// <summary>The raw status in the poll response.</summary>
    public required TaskPath Status { get; init; }

    public TaskPath? Progress { get; init; }

    public EquatableArray<TaskPath> Results { get; init; } = EquatableArray<TaskPath>.Empty;

    public TaskPath? FailReason { get; init; }

    public EquatableArray<string> Queued { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Running { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Succeeded { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Failed { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Cancelled { get; init; } = EquatableArray<string>.Empty;

    /// <summary>What the poll operation's describe function needs: two submits polled by one operation must agree on it.</summary>
    public TaskModel WithoutSubmitSide() => this with { Id = Status };
}
