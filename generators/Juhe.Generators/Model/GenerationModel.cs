using Juhe.Generators.Diagnostics;

namespace Juhe.Generators.Model;

/// <summary>
/// The model stage's output: C#-shaped, fully resolved, equatable. No Roslyn symbols, no JSON
/// nodes; each emitter gets its own slice.
/// </summary>
/// <remarks>New members must stay equatable (records, strings, enums, <see cref="EquatableArray{T}"/>): the pipeline compares models to decide what to re-emit.</remarks>
internal sealed record GenerationModel
{
    public required EquatableArray<TypeModel> Types { get; init; }

    public required EquatableArray<ClientModel> Clients { get; init; }

    /// <summary>The multipart forms: generated classes that are not JSON types.</summary>
    public EquatableArray<FormModel> Forms { get; init; } = EquatableArray<FormModel>.Empty;

    public required ContextModel Context { get; init; }

    /// <summary>Whether this compilation is the Juhe library itself.</summary>
    public required bool DeclaresJuheClient { get; init; }

    public required EquatableArray<DiagnosticInfo> Diagnostics { get; init; }
}
