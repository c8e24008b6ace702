using Juhe.Generators.Model;

namespace Juhe.Generators.Parsing;

/// <summary>
/// The <c>x-juhe-task</c> of an operation that submits a long-running task: which operation polls
/// it, where the id and status sit in the JSON (dotted paths such as <c>data.task_id</c>), and which
/// status values mean what.
/// </summary>
internal sealed record TaskDef
{
    /// <summary>The operationId of the status operation.</summary>
    public required string Poll { get; init; }

    /// <summary>The path of the task id in the submit response.</summary>
    public required string IdPath { get; init; }

    /// <summary>The path of the status in the poll response.</summary>
    public required string StatusPath { get; init; }

    /// <summary>The path of the result in the poll response, if any.</summary>
    public string? ResultPath { get; init; }

    public EquatableArray<string> Queued { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Running { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Succeeded { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Failed { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Cancelled { get; init; } = EquatableArray<string>.Empty;

    public required TextPosition Position { get; init; }
}
