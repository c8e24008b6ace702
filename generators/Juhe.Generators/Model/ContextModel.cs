namespace Juhe.Generators.Model;

/// <summary>The JSON context: one entry per generated type.</summary>
internal sealed record ContextModel(string Namespace, string Name, EquatableArray<ContextEntry> Entries);
