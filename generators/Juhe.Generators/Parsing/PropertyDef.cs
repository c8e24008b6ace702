namespace Juhe.Generators.Parsing;

/// <summary>A member of an object schema's <c>properties</c>.</summary>
/// <param name="CSharpName">The name given with <c>x-juhe-name</c>, if any.</param>
/// <param name="Required">Whether the object's <c>required</c> list names it.</param>
internal sealed record PropertyDef(string JsonName, string? CSharpName, bool Required, SchemaDef Schema, TextPosition Position);
