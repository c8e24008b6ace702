using System.Text.Json.Serialization;

namespace Juhe.Benchmarks.Streaming;

// The straightforward way to decode chunks: hand-written DTOs and the System.Text.Json source generator.
internal sealed class ChunkDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("created")] public long Created { get; set; }
    [JsonPropertyName("choices")] public List<ChoiceDto>? Choices { get; set; }
    [JsonPropertyName("usage")] public UsageDto? Usage { get; set; }
}

internal sealed class ChoiceDto
{
    [JsonPropertyName("index")] public int Index { get; set; }
    [JsonPropertyName("delta")] public DeltaDto? Delta { get; set; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
}

internal sealed class DeltaDto
{
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("reasoning_content")] public string? ReasoningContent { get; set; }
}

internal sealed class UsageDto
{
    [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; set; }
    [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; set; }
    [JsonPropertyName("total_tokens")] public int TotalTokens { get; set; }
}

[JsonSerializable(typeof(ChunkDto))]
internal sealed partial class ChunkJsonContext : JsonSerializerContext;
