namespace Juhe.Generators.Model;

/// <summary>A member of a generated string enum: its C# name and JSON text.</summary>
internal sealed record EnumMemberModel(string Name, string Value);
