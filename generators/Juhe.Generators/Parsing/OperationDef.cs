using Juhe.Generators.Model;

namespace Juhe.Generators.Parsing;

/// <summary>One operation of a path item, as written: where it goes, what it sends and what it answers.</summary>
/// <remarks>New members must stay equatable (records, strings, <see cref="EquatableArray{T}"/>) so the pipeline can cache.</remarks>
internal sealed record OperationDef
{
    public required string OperationId { get; init; }

    public required HttpVerb Method { get; init; }

    /// <summary>The path template, e.g. <c>/v1/notes/{note_id}</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The family client stem (<c>x-juhe-client</c>), e.g. <c>Chat</c> for <c>ChatClient</c>.</summary>
    public required string Client { get; init; }

    /// <summary>The method name stem (<c>x-juhe-method</c>), e.g. <c>Create</c> for <c>CreateAsync</c>.</summary>
    public required string MethodStem { get; init; }

    public required AuthStyle Auth { get; init; }

    /// <summary>How a 2xx answer says it failed (<c>x-juhe-envelope</c>, or the document's).</summary>
    public EnvelopeStyle Envelope { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public EquatableArray<ParameterDef> Parameters { get; init; } = EquatableArray<ParameterDef>.Empty;

    public RequestBodyDef Body { get; init; } = RequestBodyDef.None;

    /// <summary>The 200/201 response's media types, in file order.</summary>
    public EquatableArray<ResponseDef> Responses { get; init; } = EquatableArray<ResponseDef>.Empty;

    public TaskDef? Task { get; init; }

    public required TextPosition Position { get; init; }
}
