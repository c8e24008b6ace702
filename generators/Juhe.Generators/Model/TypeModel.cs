namespace Juhe.Generators.Model;

/// <summary>A generated type: an object (DTO), a string enum or a union, with what its converter needs.</summary>
/// <remarks>New members must stay equatable (records, strings, enums, <see cref="EquatableArray{T}"/>): the pipeline compares models to decide what to re-emit.</remarks>
internal sealed record TypeModel
{
    public required TypeModelKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>For <see cref="TypeModelKind.Object"/>: the declared properties.</summary>
    public EquatableArray<PropertyModel> Properties { get; init; } = EquatableArray<PropertyModel>.Empty;

    /// <summary>For <see cref="TypeModelKind.Enum"/>: the known values.</summary>
    public EquatableArray<EnumMemberModel> EnumMembers { get; init; } = EquatableArray<EnumMemberModel>.Empty;

    /// <summary>For <see cref="TypeModelKind.Union"/>: the alternatives.</summary>
    public EquatableArray<UnionCaseModel> Cases { get; init; } = EquatableArray<UnionCaseModel>.Empty;

    /// <summary>For a discriminated union: the JSON member whose value selects the alternative.</summary>
    public string? Discriminator { get; init; }

    /// <summary>Whether an operation sends this object as its body (then it gets a builder).</summary>
    public bool IsRequestBody { get; init; }

    public string FullName => "global::" + Namespace + "." + Name;
}
