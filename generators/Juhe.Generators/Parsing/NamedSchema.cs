namespace Juhe.Generators.Parsing;

/// <summary>A schema under <c>components/schemas</c>: its name becomes the generated type's name.</summary>
internal sealed record NamedSchema(string Name, SchemaDef Schema, TextPosition Position);
