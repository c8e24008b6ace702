namespace Juhe.Generators.Model;

/// <summary>What the generator learns from the project: MSBuild settings and the referenced runtime.</summary>
/// <remarks>New members must stay equatable (records, strings, enums, <see cref="EquatableArray{T}"/>): the pipeline compares models to decide what to re-emit.</remarks>
internal sealed record HostModel
{
    /// <summary>The namespace of the JSON context (<c>JuheJsonContextName</c>, else the root namespace).</summary>
    public required string ContextNamespace { get; init; }

    public required string ContextName { get; init; }

    /// <summary>Whether this compilation is the Juhe library itself (then <c>JuheClient</c> gets accessor properties).</summary>
    public required bool DeclaresJuheClient { get; init; }

    /// <summary>Whether <c>Juhe.Http.JuheClient</c> is visible, so clients can be generated.</summary>
    public required bool SeesJuheClient { get; init; }

    /// <summary>The metadata names of the stream decoders the compilation can see.</summary>
    public required EquatableArray<string> VisibleStreamDecoders { get; init; }
}
