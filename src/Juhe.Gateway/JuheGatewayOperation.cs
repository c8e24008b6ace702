namespace Juhe.Gateway;

/// <summary>An operation the gateway serves, read from a schema file.</summary>
/// <param name="OperationId">The schema's <c>operationId</c>.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template, as the schema writes it.</param>
/// <param name="SchemaFile">The schema file it comes from (<c>chat.json</c>).</param>
public sealed record JuheGatewayOperation(string OperationId, string Method, string Path, string SchemaFile);
