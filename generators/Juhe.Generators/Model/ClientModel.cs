namespace Juhe.Generators.Model;

/// <summary>A family client (<c>ChatClient</c>…) and the operations it carries.</summary>
/// <remarks>New members must stay equatable (records, strings, enums, <see cref="EquatableArray{T}"/>): the pipeline compares models to decide what to re-emit.</remarks>
internal sealed record ClientModel
{
    public required string Namespace { get; init; }

    /// <summary>The class name, e.g. <c>ChatClient</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The name it is reached by from a <c>JuheClient</c>, e.g. <c>Chat</c>.</summary>
    public required string AccessorName { get; init; }

    /// <summary>The full name of the JSON context holding the operations' type metadata.</summary>
    public required string ContextFullName { get; init; }

    public required EquatableArray<OperationModel> Operations { get; init; }

    public string FullName => "global::" + Namespace + "." + Name;
}
