using System.Net.ServerSentEvents;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Benchmarks.Streaming;

/// <summary>
/// The reasoning phase, where new-api repeats every token as <c>reasoning_content</c> and
/// <c>reasoning</c>: Juhe reads one of the two (its template has two holes) against SseParser +
/// System.Text.Json. The OpenAI SDK does not surface reasoning text, so it is not in this run.
/// </summary>
[MemoryDiagnoser]
public class ReasoningStreamDecodeBenchmarks : StreamBenchmarkBase
{
    [GlobalSetup]
    public void Setup() => CreateStream(ChatStreamSamples.BuildReasoning(Tokens));

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "SseParser + STJ source-gen DTOs (reasoning)")]
    public async Task<int> SseParserWithSourceGen()
    {
        int total = 0;
        SseParser<ChunkDto?> parser = SseParser.Create(OpenStream(), static (_, data) =>
            data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, ChunkJsonContext.Default.ChunkDto));
        await foreach (SseItem<ChunkDto?> item in parser.EnumerateAsync())
        {
            if (item.Data?.Choices is { Count: > 0 } choices)
            {
                total += choices[0].Delta?.ReasoningContent?.Length ?? 0;
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Juhe ChatCompletionStream (reasoning)")]
    public async Task<int> JuheChatCompletionStream()
    {
        int total = 0;
        await using var stream = new ChatCompletionStream(OpenStream());
        while (await stream.MoveNextAsync())
        {
            total += stream.Current.ReasoningUtf8.Length;
        }

        return total;
    }
}
