using System.Text.Json.Serialization;

namespace Juhe.Benchmarks.Streaming;

// The straightforward way to decode Gemini chunks: hand-written DTOs and the System.Text.Json source generator.
internal sealed class GeminiChunkDto
{
    [JsonPropertyName("candidates")] public List<GeminiCandidateDto>? Candidates { get; set; }
    [JsonPropertyName("usageMetadata")] public GeminiUsageDto? UsageMetadata { get; set; }
    [JsonPropertyName("modelVersion")] public string? ModelVersion { get; set; }
    [JsonPropertyName("responseId")] public string? ResponseId { get; set; }
}

internal sealed class GeminiCandidateDto
{
    [JsonPropertyName("content")] public GeminiContentDto? Content { get; set; }
    [JsonPropertyName("finishReason")] public string? FinishReason { get; set; }
    [JsonPropertyName("index")] public int Index { get; set; }
}

internal sealed class GeminiContentDto
{
    [JsonPropertyName("parts")] public List<GeminiPartDto>? Parts { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }
}

internal sealed class GeminiPartDto
{
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("thought")] public bool? Thought { get; set; }
}

internal sealed class GeminiUsageDto
{
    [JsonPropertyName("promptTokenCount")] public int PromptTokenCount { get; set; }
    [JsonPropertyName("candidatesTokenCount")] public int CandidatesTokenCount { get; set; }
    [JsonPropertyName("totalTokenCount")] public int TotalTokenCount { get; set; }
}

[JsonSerializable(typeof(GeminiChunkDto))]
internal sealed partial class GeminiChunkJsonContext : JsonSerializerContext;
