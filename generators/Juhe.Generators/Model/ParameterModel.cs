using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

/// <summary>A path or query parameter of a generated method.</summary>
/// <param name="Name">The C# parameter name (may start with <c>@</c>).</param>
internal sealed record ParameterModel(string JsonName, string Name, ParameterLocation In, bool Required, TypeRef Type, string? Description);
