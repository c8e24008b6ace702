using System.Net.ServerSentEvents;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Benchmarks.Streaming;

/// <summary>
/// Decode a Gemini <c>alt=sse</c> stream to its text, per token, on identical bytes: SseParser with
/// System.Text.Json source-generated DTOs, and Juhe's <see cref="GeminiStream"/>.
/// </summary>
[MemoryDiagnoser]
public class GeminiStreamDecodeBenchmarks : StreamBenchmarkBase
{
    [GlobalSetup]
    public void CreateGeminiStream() => CreateStream(GeminiStreamSamples.Build(Tokens));

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "SseParser + STJ source-gen DTOs (Gemini)")]
    public async Task<int> SseParserWithSourceGen()
    {
        int total = 0;
        SseParser<GeminiChunkDto?> parser = SseParser.Create(OpenStream(), static (_, data) => JsonSerializer.Deserialize(data, GeminiChunkJsonContext.Default.GeminiChunkDto));
        await foreach (SseItem<GeminiChunkDto?> item in parser.EnumerateAsync())
        {
            if (item.Data?.Candidates is { Count: > 0 } candidates && candidates[0].Content?.Parts is { Count: > 0 } parts)
            {
                total += parts[0].Text?.Length ?? 0;
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Juhe GeminiStream (UTF-8 spans)")]
    public async Task<int> JuheGeminiStream()
    {
        int total = 0;
        await using var stream = new GeminiStream(OpenStream());
        while (await stream.MoveNextAsync())
        {
            GeminiStreamPartList parts = stream.Current.Parts;
            if (parts.Count > 0)
            {
                total += parts[0].TextUtf8.Length;
            }
        }

        return total;
    }
}
