using System.Text.Json;
using Juhe.Gateway.Synthesis;

namespace Juhe.Gateway.Streaming;

/// <summary>What a stream writer needs to know about the call: the answer's context and the request's stream options.</summary>
internal sealed record StreamRequest(SynthesisContext Context, JsonElement? Body)
{
    /// <summary>Whether <c>stream_options.include_usage</c> is true.</summary>
    public bool IncludeUsage =>
        Body is { ValueKind: JsonValueKind.Object } body
        && body.TryGetProperty("stream_options", out JsonElement options) && options.ValueKind == JsonValueKind.Object
        && options.TryGetProperty("include_usage", out JsonElement include) && include.ValueKind == JsonValueKind.True;

    /// <summary>Whether the model is one that reasons aloud (its name says so), so the stream starts with reasoning.</summary>
    public bool Reasons =>
        Context.Model.Contains("reason", StringComparison.OrdinalIgnoreCase) || Context.Model.Contains("think", StringComparison.OrdinalIgnoreCase)
        || Context.Model.Contains("-r1", StringComparison.OrdinalIgnoreCase);
}
