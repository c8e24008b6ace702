using System.Text.Json;
using Juhe.Gateway.Catalog;
using Juhe.Gateway.Faults;

namespace Juhe.Gateway.Serving;

/// <summary>A routed, authenticated call: its operation, parameters, body and the fault it asked for.</summary>
internal sealed class CallRequest
{
    public required GatewayOperation Operation { get; init; }

    public required Dictionary<string, string> PathParameters { get; init; }

    public required string RequestId { get; init; }

    public Fault? Fault { get; set; }

    /// <summary>The raw JSON body (empty when none).</summary>
    public byte[] BodyBytes { get; set; } = [];

    /// <summary>The parsed JSON body, if one was sent.</summary>
    public JsonElement? Body { get; set; }
}
