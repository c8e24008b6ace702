namespace Juhe.Generators.Model;

/// <summary>One <c>JsonTypeInfo</c> property of the JSON context.</summary>
internal sealed record ContextEntry(string PropertyName, string FullName, string ConverterFullName, bool IsValueType);
