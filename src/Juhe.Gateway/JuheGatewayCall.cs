namespace Juhe.Gateway;

/// <summary>One call the gateway received, as tests count and inspect them.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, without the query.</param>
/// <param name="OperationId">The schema operation that served it; <see langword="null"/> for unknown paths and served files.</param>
/// <param name="StatusCode">The status it was answered with.</param>
/// <param name="Fault">The fault it was answered with (a <see cref="JuheGatewayFaults"/> name), if any.</param>
public sealed record JuheGatewayCall(string Method, string Path, string? OperationId, int StatusCode, string? Fault);
