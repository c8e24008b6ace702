using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

// A streaming chat written by hand: HttpClient, SSE lines read with StreamReader, chunks parsed
// with System.Text.Json source generation. What Juhe's AOT size is compared against.
using var http = new HttpClient();
var request = new ChatRequest { Model = "gpt-4o", Stream = true, Messages = [new ChatMessageDto { Role = "user", Content = "hi" }] };
using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:1/v1/chat/completions"))
{
    Content = JsonContent.Create(request, BareJson.Default.ChatRequest),
};
try
{
    using HttpResponseMessage response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
    while (await reader.ReadLineAsync() is { } line)
    {
        if (line.StartsWith("data: ", StringComparison.Ordinal) && line != "data: [DONE]")
        {
            Chunk? chunk = JsonSerializer.Deserialize(line.AsSpan(6), BareJson.Default.Chunk);
            Console.Write(chunk?.Choices?[0].Delta?.Content);
        }
    }
}
catch (HttpRequestException e)
{
    Console.WriteLine(e.Message);
}

internal sealed class ChatRequest
{
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("stream")] public bool Stream { get; set; }
    [JsonPropertyName("messages")] public List<ChatMessageDto>? Messages { get; set; }
}

internal sealed class ChatMessageDto
{
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("content")] public string? Content { get; set; }
}

internal sealed class Chunk
{
    [JsonPropertyName("choices")] public List<Choice>? Choices { get; set; }
}

internal sealed class Choice
{
    [JsonPropertyName("delta")] public ChatMessageDto? Delta { get; set; }
}

[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(Chunk))]
internal sealed partial class BareJson : JsonSerializerContext;
