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

    /// <summary>The paths of the result URLs in the poll response (<c>result</c>: one path or an array of paths).</summary>
    public EquatableArray<string> ResultPaths { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The path of the progress in the poll response, if any.</summary>
    public string? ProgressPath { get; init; }

    /// <summary>The path of the failure reason in the poll response, if any.</summary>
    public string? FailReasonPath { get; init; }

    public EquatableArray<string> Queued { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Running { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Succeeded { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Failed { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Cancelled { get; init; } = EquatableArray<string>.Empty;

    public required TextPosition Position { get; init; }
}
