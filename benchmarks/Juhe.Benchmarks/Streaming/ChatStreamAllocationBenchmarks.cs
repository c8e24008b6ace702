using BenchmarkDotNet.Attributes;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Benchmarks.Streaming;

/// <summary>
/// Whole streams of different lengths: what Juhe allocates per stream is the same whatever the
/// number of tokens (the per-token figure in <see cref="ChatStreamDecodeBenchmarks"/> is this
/// fixed cost spread over the tokens).
/// </summary>
[MemoryDiagnoser]
public class ChatStreamAllocationBenchmarks
{
    private byte[] _bytes = [];

    [Params(100, 10_000)]
    public int Tokens { get; set; }

    [GlobalSetup]
    public void Setup() => _bytes = ChatStreamSamples.Build(Tokens);

    [Benchmark(Description = "Juhe ChatCompletionStream, whole stream")]
    public async Task<int> WholeStream()
    {
        int total = 0;
        await using var stream = new ChatCompletionStream(new MemoryStream(_bytes, writable: false));
        while (await stream.MoveNextAsync())
        {
            total += stream.Current.ContentUtf8.Length;
        }

        return total;
    }
}
