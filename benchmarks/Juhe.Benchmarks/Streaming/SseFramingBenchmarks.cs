using System.Net.ServerSentEvents;
using System.Text;
using BenchmarkDotNet.Attributes;
using Juhe.Sse;

namespace Juhe.Benchmarks.Streaming;

/// <summary>Framing only: split the stream into events and touch each event's data.</summary>
[MemoryDiagnoser]
public class SseFramingBenchmarks : StreamBenchmarkBase
{
    [GlobalSetup]
    public void Setup() => CreateStream();

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "SseParser<string> (System.Net.ServerSentEvents)")]
    public async Task<int> SseParserOfString()
    {
        int total = 0;
        SseParser<string> parser = SseParser.Create(OpenStream(), static (_, data) => Encoding.UTF8.GetString(data));
        await foreach (SseItem<string> item in parser.EnumerateAsync())
        {
            total += item.Data.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "SseParser<int> (data length only, no string)")]
    public async Task<int> SseParserOfLength()
    {
        int total = 0;
        SseParser<int> parser = SseParser.Create(OpenStream(), static (_, data) => data.Length);
        await foreach (SseItem<int> item in parser.EnumerateAsync())
        {
            total += item.Data;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Juhe SseReader (MoveNextAsync)")]
    public async Task<int> JuheSseReader()
    {
        int total = 0;
        using var reader = new SseReader(OpenStream());
        while (await reader.MoveNextAsync())
        {
            total += reader.Current.Data.Length;
        }

        return total;
    }
}
