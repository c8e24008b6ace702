using System.Text.Json.Serialization;

namespace Juhe.Benchmarks.Serialization;

// A chat completion response as hand-written DTOs for the System.Text.Json source generator:
// the same members the generated Juhe.Chat.ChatCompletion reads for this payload.
internal sealed class StjChatResponse
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("object")] public required string Object { get; set; }
    [JsonPropertyName("created")] public long Created { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("system_fingerprint")] public string? SystemFingerprint { get; set; }
    [JsonPropertyName("choices")] public required List<StjChoice> Choices { get; set; }
    [JsonPropertyName("usage")] public StjUsage? Usage { get; set; }
}

internal sealed class StjChoice
{
    [JsonPropertyName("index")] public int Index { get; set; }
    [JsonPropertyName("message")] public required StjResponseMessage Message { get; set; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
}

internal sealed class StjResponseMessage
{
    [JsonPropertyName("role")] public required string Role { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("reasoning_content")] public string? ReasoningContent { get; set; }
    [JsonPropertyName("tool_calls")] public List<StjToolCall>? ToolCalls { get; set; }
}

internal sealed class StjToolCall
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("type")] public required string Type { get; set; }
    [JsonPropertyName("function")] public required StjFunctionCall Function { get; set; }
}

internal sealed class StjFunctionCall
{
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("arguments")] public required string Arguments { get; set; }
}

internal sealed class StjUsage
{
    [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; set; }
    [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; set; }
    [JsonPropertyName("total_tokens")] public int TotalTokens { get; set; }
    [JsonPropertyName("prompt_tokens_details")] public StjPromptDetails? PromptTokensDetails { get; set; }
    [JsonPropertyName("completion_tokens_details")] public StjCompletionDetails? CompletionTokensDetails { get; set; }
}

internal sealed class StjPromptDetails
{
    [JsonPropertyName("cached_tokens")] public int CachedTokens { get; set; }
}

internal sealed class StjCompletionDetails
{
    [JsonPropertyName("reasoning_tokens")] public int ReasoningTokens { get; set; }
}

[JsonSerializable(typeof(StjChatResponse))]
internal sealed partial class StjChatResponseJsonContext : JsonSerializerContext;
