using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Juhe.Tests.Generated;

/// <summary>
/// Hand-written DTOs for the same payloads, serialized with reflection-based System.Text.Json: the
/// reference the generated code is compared with. Unions are <see cref="object"/> (a string, a list,
/// or on reading a <see cref="JsonElement"/>), unknown members go to <see cref="JsonExtensionDataAttribute"/>.
/// </summary>
internal static class PlainJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string RoundTrip<T>(string json) => Serialize(JsonSerializer.Deserialize<T>(json, Options));
}

internal abstract class PlainObject
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class PlainChatRequest : PlainObject
{
    public string Model { get; set; } = "";
    public List<PlainMessage> Messages { get; set; } = [];
    public bool? Stream { get; set; }
    public PlainStreamOptions? StreamOptions { get; set; }
    public int? MaxTokens { get; set; }
    public double? Temperature { get; set; }
    public object? Stop { get; set; }
    public PlainResponseFormat? ResponseFormat { get; set; }
    public List<PlainTool>? Tools { get; set; }
    public object? ToolChoice { get; set; }
    public List<string>? Modalities { get; set; }
    public PlainAudioOptions? Audio { get; set; }
}

internal sealed class PlainStreamOptions : PlainObject
{
    public bool? IncludeUsage { get; set; }
}

internal sealed class PlainAudioOptions : PlainObject
{
    public string Voice { get; set; } = "";
    public string Format { get; set; } = "";
}

internal sealed class PlainMessage : PlainObject
{
    public string Role { get; set; } = "";
    public object? Content { get; set; }
    public string? Name { get; set; }
    public List<PlainToolCall>? ToolCalls { get; set; }
    public string? ToolCallId { get; set; }
}

internal sealed class PlainPart : PlainObject
{
    public string Type { get; set; } = "";
    public string? Text { get; set; }
    public PlainImageUrl? ImageUrl { get; set; }
}

internal sealed class PlainImageUrl : PlainObject
{
    public string Url { get; set; } = "";
    public string? Detail { get; set; }
}

internal sealed class PlainTool : PlainObject
{
    public string Type { get; set; } = "function";
    public PlainFunction Function { get; set; } = new();
}

internal sealed class PlainFunction : PlainObject
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public JsonElement? Parameters { get; set; }
    public bool? Strict { get; set; }
}

internal sealed class PlainResponseFormat : PlainObject
{
    public string Type { get; set; } = "";
    public PlainJsonSchema? JsonSchema { get; set; }
}

internal sealed class PlainJsonSchema : PlainObject
{
    public string Name { get; set; } = "";
    public bool? Strict { get; set; }
    public JsonElement? Schema { get; set; }
}

internal sealed class PlainChatCompletion : PlainObject
{
    public string Id { get; set; } = "";
    public string Object { get; set; } = "";
    public long? Created { get; set; }
    public string? Model { get; set; }
    public List<PlainChoice> Choices { get; set; } = [];
    public PlainUsage? Usage { get; set; }
}

internal sealed class PlainChoice : PlainObject
{
    public int Index { get; set; }
    public PlainResponseMessage? Message { get; set; }
    public PlainResponseMessage? Delta { get; set; }
    public string? Text { get; set; }
    public object? Logprobs { get; set; }
    public string? FinishReason { get; set; }
}

internal sealed class PlainResponseMessage : PlainObject
{
    public string? Role { get; set; }
    public string? Content { get; set; }
    public string? ReasoningContent { get; set; }
    public string? Reasoning { get; set; }
    public List<PlainToolCall>? ToolCalls { get; set; }
    public PlainResponseAudio? Audio { get; set; }
}

internal sealed class PlainToolCall : PlainObject
{
    public int? Index { get; set; }
    public string? Id { get; set; }
    public string? Type { get; set; }
    public PlainFunctionCall? Function { get; set; }
}

internal sealed class PlainFunctionCall : PlainObject
{
    public string? Name { get; set; }
    public string? Arguments { get; set; }
}

internal sealed class PlainResponseAudio : PlainObject
{
    public string? Id { get; set; }
    public string? Data { get; set; }
    public long? ExpiresAt { get; set; }
    public string? Transcript { get; set; }
}

internal sealed class PlainUsage : PlainObject
{
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public int TotalTokens { get; set; }
}

internal sealed class PlainCompletionRequest : PlainObject
{
    public string Model { get; set; } = "";
    public object? Prompt { get; set; }
    public int? MaxTokens { get; set; }
}

internal sealed class PlainEmbeddingRequest : PlainObject
{
    public string Model { get; set; } = "";
    public object? Input { get; set; }
    public string? EncodingFormat { get; set; }
    public int? Dimensions { get; set; }
}

internal sealed class PlainEmbeddingResponse : PlainObject
{
    public string? Object { get; set; }
    public string? Model { get; set; }
    public List<PlainEmbedding> Data { get; set; } = [];
    public PlainEmbeddingUsage? Usage { get; set; }
}

internal sealed class PlainEmbedding : PlainObject
{
    public string? Object { get; set; }
    public int Index { get; set; }
    public object? Embedding { get; set; }
}

internal sealed class PlainEmbeddingUsage : PlainObject
{
    public int PromptTokens { get; set; }
    public int TotalTokens { get; set; }
}

internal sealed class PlainModelList : PlainObject
{
    public bool? Success { get; set; }
    public string? Object { get; set; }
    public List<PlainModel> Data { get; set; } = [];
}

internal sealed class PlainModel : PlainObject
{
    public string Id { get; set; } = "";
    public string? Object { get; set; }
    public long? Created { get; set; }
    public string? OwnedBy { get; set; }
    public List<string>? SupportedEndpointTypes { get; set; }
}
