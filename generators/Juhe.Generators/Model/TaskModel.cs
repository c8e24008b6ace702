namespace Juhe.Generators.Model;

/// <summary>
/// How a task-submitting operation is followed up (<c>x-juhe-task</c>): the poll operation, where
/// the id, status and result sit, and which status values mean what. Carried for the task poller;
/// no method is generated from it yet.
/// </summary>
internal sealed record TaskModel
{
    /// <summary>The operationId of the status operation.</summary>
    public required string PollOperationId { get; init; }

    /// <summary>The dotted JSON path of the task id in the submit response.</summary>
    public required string IdPath { get; init; }

    /// <summary>The dotted JSON path of the status in the poll response.</summary>
    public required string StatusPath { get; init; }

    public string? ResultPath { get; init; }

    public EquatableArray<string> Queued { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Running { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Succeeded { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Failed { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Cancelled { get; init; } = EquatableArray<string>.Empty;
}
