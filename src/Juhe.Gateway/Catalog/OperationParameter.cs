namespace Juhe.Gateway.Catalog;

/// <summary>A path or query parameter of an operation.</summary>
internal sealed record OperationParameter(string Name, string In, bool Required, SchemaNode? Schema);
