namespace Juhe.Generators.Model;

/// <summary>An alternative of a generated union.</summary>
/// <param name="Name">The C# member holding this alternative.</param>
/// <param name="DiscriminatorValues">For a discriminated union: the discriminator values that select this alternative.</param>
internal sealed record UnionCaseModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues);
