using Juhe.Generators.Diagnostics;

namespace Juhe.Generators.Model;

// The model stage's output: C#-shaped, fully resolved, equatable. No Roslyn symbols, no JSON nodes.

internal enum TypeRefKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,

    /// <summary>Any JSON: <c>System.Text.Json.JsonElement</c>.</summary>
    Json,

    /// <summary>A generated type (object, enum or union).</summary>
    Named,
    List,
    Dictionary,
}

internal enum TypeModelKind
{
    Object,
    Enum,
    Union,
}

/// <summary>A use of a type: a primitive, a generated type, or a list/dictionary of one.</summary>
/// <param name="Nullable">Whether JSON <c>null</c> is a valid value.</param>
/// <param name="FullName">For <see cref="TypeRefKind.Named"/>: <c>global::Ns.Name</c>.</param>
/// <param name="NamedKind">For <see cref="TypeRefKind.Named"/>: what the generated type is.</param>
/// <param name="Item">For lists and dictionaries: the element or value type.</param>
internal sealed record TypeRef(TypeRefKind Kind, bool Nullable = false, string? FullName = null, TypeModelKind NamedKind = TypeModelKind.Object, TypeRef? Item = null)
{
    /// <summary>For a generated type: its converter's full name.</summary>
    public string? ConverterFullName => FullName is null ? null : FullName + "JsonConverter";

    /// <summary>Whether the C# type is a struct (so "nullable" means <c>T?</c> = <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind switch
    {
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Boolean or TypeRefKind.DateTimeOffset or TypeRefKind.Json => true,
        TypeRefKind.Named => NamedKind == TypeModelKind.Enum,
        _ => false,
    };
}

internal sealed record PropertyModel(string JsonName, string Name, TypeRef Type, bool Required, string? Description);

internal sealed record EnumMemberModel(string Name, string Value);

/// <param name="Name">The C# member holding this alternative.</param>
/// <param name="DiscriminatorValues">For a discriminated union: the discriminator values that select this alternative.</param>
internal sealed record UnionCaseModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues);

internal sealed record TypeModel(
    TypeModelKind Kind,
    string Namespace,
    string Name,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> EnumMembers,
    EquatableArray<UnionCaseModel> Cases,
    string? Discriminator,
    bool IsRequestBody)
{
    public string FullName => "global::" + Namespace + "." + Name;
}

internal sealed record ParameterModel(string JsonName, string Name, string In, bool Required, TypeRef Type, string? Description);

/// <param name="ReturnType">The full name of the stream decoder returned.</param>
/// <param name="FlagProperty">The C# name of the body's bool property set for streaming, if any.</param>
/// <param name="FlagProperty">The JSON member of the body that asks for a stream (JuheRequest.StreamFlag).</param>
internal sealed record StreamModel(string MethodName, string ReturnType, string? FlagProperty, bool FlagIsNullable, string? Description);

internal sealed record OperationModel(
    string OperationId,
    string HttpMethod,
    string Path,
    string Auth,
    string MethodName,
    string? Summary,
    string? Description,
    EquatableArray<ParameterModel> Parameters,
    string BodyParameterName,
    TypeRef? Body,
    string? BodyContextProperty,
    TypeRef? Response,
    string? ResponseContextProperty,
    StreamModel? Stream);

internal sealed record ClientModel(string Namespace, string Name, string AccessorName, string ContextFullName, EquatableArray<OperationModel> Operations)
{
    public string FullName => "global::" + Namespace + "." + Name;
}

/// <summary>The JSON context: one entry per generated type.</summary>
internal sealed record ContextModel(string Namespace, string Name, EquatableArray<ContextEntry> Entries);

internal sealed record ContextEntry(string PropertyName, string FullName, string ConverterFullName, bool IsValueType);

/// <summary>What the generator learns from the project: MSBuild settings and the referenced runtime.</summary>
internal sealed record HostModel(string ContextNamespace, string ContextName, bool DeclaresJuheClient, bool SeesJuheClient, EquatableArray<string> VisibleStreamDecoders);

internal sealed record GenerationModel(
    EquatableArray<TypeModel> Types,
    EquatableArray<ClientModel> Clients,
    ContextModel Context,
    bool DeclaresJuheClient,
    EquatableArray<DiagnosticInfo> Diagnostics);
