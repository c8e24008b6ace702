namespace Juhe.Generators.Model;

/// <summary>A property of a generated object: its JSON name, C# name and type.</summary>
internal sealed record PropertyModel(string JsonName, string Name, TypeRef Type, bool Required, string? Description);
