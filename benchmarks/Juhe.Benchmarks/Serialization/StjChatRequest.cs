using System.Text.Json;
using System.Text.Json.Serialization;

namespace Juhe.Benchmarks.Serialization;

// The straightforward alternative to the Juhe generator: hand-written DTOs for the same chat request,
// serialized by the System.Text.Json source generator (fast-path serialization, null members left out).

internal sealed class StjChatRequest
{
    [JsonPropertyName("model")] public required string Model { get; set; }
    [JsonPropertyName("messages")] public required List<StjMessage> Messages { get; set; }
    [JsonPropertyName("stream")] public bool? Stream { get; set; }
    [JsonPropertyName("stream_options")] public StjStreamOptions? StreamOptions { get; set; }
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; set; }
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("response_format")] public StjResponseFormat? ResponseFormat { get; set; }
    [JsonPropertyName("tools")] public List<StjTool>? Tools { get; set; }
    [JsonPropertyName("tool_choice")] public string? ToolChoice { get; set; }
}

internal sealed class StjStreamOptions
{
    [JsonPropertyName("include_usage")] public bool? IncludeUsage { get; set; }
}

internal sealed class StjMessage
{
    [JsonPropertyName("role")] public required string Role { get; set; }
    [JsonPropertyName("content")] public StjContent? Content { get; set; }
}

/// <summary><c>content: string | parts[]</c>, written by a small converter as either shape.</summary>
[JsonConverter(typeof(StjContentConverter))]
internal sealed class StjContent
{
    public string? Text { get; init; }
    public List<StjPart>? Parts { get; init; }
}

internal sealed class StjContentConverter : JsonConverter<StjContent>
{
    public override StjContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new StjContent { Text = reader.GetString() }
            : new StjContent { Parts = JsonSerializer.Deserialize(ref reader, StjChatJsonContext.Default.ListStjPart) };

    public override void Write(Utf8JsonWriter writer, StjContent value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Parts, StjChatJsonContext.Default.ListStjPart);
        }
    }
}

internal sealed class StjPart
{
    [JsonPropertyName("type")] public required string Type { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("image_url")] public StjImageUrl? ImageUrl { get; set; }
}

internal sealed class StjImageUrl
{
    [JsonPropertyName("url")] public required string Url { get; set; }
    [JsonPropertyName("detail")] public string? Detail { get; set; }
}

internal sealed class StjTool
{
    [JsonPropertyName("type")] public required string Type { get; set; }
    [JsonPropertyName("function")] public required StjFunction Function { get; set; }
}

internal sealed class StjFunction
{
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("parameters")] public JsonElement? Parameters { get; set; }
    [JsonPropertyName("strict")] public bool? Strict { get; set; }
}

internal sealed class StjResponseFormat
{
    [JsonPropertyName("type")] public required string Type { get; set; }
    [JsonPropertyName("json_schema")] public StjJsonSchema? JsonSchema { get; set; }
}

internal sealed class StjJsonSchema
{
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("strict")] public bool? Strict { get; set; }
    [JsonPropertyName("schema")] public JsonElement? Schema { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StjChatRequest))]
[JsonSerializable(typeof(List<StjPart>))]
internal sealed partial class StjChatJsonContext : JsonSerializerContext;
