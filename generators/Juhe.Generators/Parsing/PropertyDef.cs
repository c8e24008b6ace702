namespace Juhe.Generators.Parsing;

/// <summary>A member of an object schema's <c>properties</c>.</summary>
/// <param name="CSharpName">The name given with <c>x-juhe-name</c>, if any.</param>
/// <param name="Required">Whether the object's <c>required</c> list names it.</param>
internal sealed record PropertyDef(string JsonName, string? CSharpName, bool Required, SchemaDef Schema, TextPosition Position)
{
    /// <summary>For a multipart form: the part name when it differs from the JSON name (<c>x-juhe-part-name</c>, e.g. <c>image[]</c>).</summary>
    public string? PartName { get; init; }
}
