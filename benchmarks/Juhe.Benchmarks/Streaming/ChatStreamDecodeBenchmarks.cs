using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.ServerSentEvents;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Juhe.Streaming;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace Juhe.Benchmarks.Streaming;

/// <summary>
/// Decode a chat stream to its content text, per token, on identical bytes: Juhe's
/// ChatCompletionStream, SseParser + System.Text.Json source generation, the official OpenAI SDK,
/// and Microsoft.Extensions.AI's OpenAI IChatClient (both SDKs over a canned HttpMessageHandler).
/// </summary>
[MemoryDiagnoser]
public class ChatStreamDecodeBenchmarks : StreamBenchmarkBase
{
    private ChatClient _openAi = null!;
    private IChatClient _extensionsAi = null!;
    private readonly OpenAIChatMessage[] _openAiMessages = [new UserChatMessage("Tell me a story.")];
    private readonly AIChatMessage[] _aiMessages = [new AIChatMessage(ChatRole.User, "Tell me a story.")];

    [GlobalSetup]
    public void CreateClients()
    {
        CreateStream();
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri("http://localhost/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(new CannedHandler(Bytes))),
            RetryPolicy = new ClientRetryPolicy(0),
        };
        _openAi = new ChatClient("gpt-4o", new ApiKeyCredential("sk-benchmark"), options);
        _extensionsAi = _openAi.AsIChatClient();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "OpenAI SDK 2.x CompleteChatStreamingAsync")]
    public async Task<int> OpenAISdk()
    {
        int total = 0;
        await foreach (StreamingChatCompletionUpdate update in _openAi.CompleteChatStreamingAsync(_openAiMessages))
        {
            foreach (ChatMessageContentPart part in update.ContentUpdate)
            {
                total += part.Text.Length;
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "M.E.AI IChatClient (OpenAI)")]
    public async Task<int> ExtensionsAI()
    {
        int total = 0;
        await foreach (ChatResponseUpdate update in _extensionsAi.GetStreamingResponseAsync(_aiMessages))
        {
            total += update.Text.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "SseParser + STJ source-gen DTOs")]
    public async Task<int> SseParserWithSourceGen()
    {
        int total = 0;
        SseParser<ChunkDto?> parser = SseParser.Create(OpenStream(), static (_, data) =>
            data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, ChunkJsonContext.Default.ChunkDto));
        await foreach (SseItem<ChunkDto?> item in parser.EnumerateAsync())
        {
            if (item.Data?.Choices is { Count: > 0 } choices)
            {
                total += choices[0].Delta?.Content?.Length ?? 0;
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Juhe ChatCompletionStream (UTF-8 spans)")]
    public async Task<int> JuheChatCompletionStream()
    {
        int total = 0;
        await using var stream = new ChatCompletionStream(OpenStream());
        while (await stream.MoveNextAsync())
        {
            total += stream.Current.ContentUtf8.Length;
        }

        return total;
    }
}
