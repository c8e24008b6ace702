namespace Juhe.Generators.Model;

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

    /// <summary>A use of the generated type <paramref name="name"/> in <paramref name="ns"/>.</summary>
    public static TypeRef Named(string ns, string name, TypeModelKind kind) => new(TypeRefKind.Named, FullName: "global::" + ns + "." + name, NamedKind: kind);
}
