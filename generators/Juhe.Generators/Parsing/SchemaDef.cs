using Juhe.Generators.Model;

namespace Juhe.Generators.Parsing;

/// <summary>
/// One schema as written, in OpenAPI terms (references unresolved, names as written). Which members
/// are set depends on <see cref="Shape"/>.
/// </summary>
/// <remarks>New members must stay equatable (records, strings, <see cref="EquatableArray{T}"/>) so the pipeline can cache.</remarks>
internal sealed record SchemaDef(SchemaShape Shape, TextPosition Position)
{
    public bool Nullable { get; init; }

    public string? Description { get; init; }

    public string? Format { get; init; }

    /// <summary>The C# name given with <c>x-juhe-name</c> (an inline type's name, or a union alternative's member name).</summary>
    public string? CSharpName { get; init; }

    public EquatableArray<PropertyDef> Properties { get; init; } = EquatableArray<PropertyDef>.Empty;

    /// <summary>Array items or dictionary values.</summary>
    public SchemaDef? Items { get; init; }

    public EquatableArray<string> EnumValues { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> EnumNames { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<SchemaDef> Alternatives { get; init; } = EquatableArray<SchemaDef>.Empty;

    public string? DiscriminatorProperty { get; init; }

    public EquatableArray<DiscriminatorCase> DiscriminatorMapping { get; init; } = EquatableArray<DiscriminatorCase>.Empty;

    /// <summary>For <see cref="SchemaShape.Reference"/>: the file name holding the target (this file's name for local refs).</summary>
    public string? RefFile { get; init; }

    /// <summary>For <see cref="SchemaShape.Reference"/>: the component name.</summary>
    public string? RefName { get; init; }

    /// <summary>For <see cref="SchemaShape.Reference"/>: the reference as written, for messages.</summary>
    public string? RefText { get; init; }
}
