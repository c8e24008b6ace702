namespace Juhe.Generators.Parsing;

/// <summary>A path, query or header parameter of an operation.</summary>
/// <param name="CSharpName">The name given with <c>x-juhe-name</c>, if any.</param>
internal sealed record ParameterDef(string Name, ParameterLocation In, string? CSharpName, bool Required, string? Description, SchemaDef Schema, TextPosition Position);
