using BenchmarkDotNet.Attributes;
using Juhe.Samples;

namespace Juhe.Benchmarks.Streaming;

/// <summary>The same realistic stream for every contender: <see cref="Tokens"/> content chunks of ~270 bytes.</summary>
public abstract class StreamBenchmarkBase
{
    /// <summary>Content chunks per stream; each benchmark reports time and allocation per token.</summary>
    public const int Tokens = 1000;

    private protected byte[] Bytes { get; private set; } = [];

    /// <summary>Builds the stream bytes; each benchmark class calls it from its own [GlobalSetup].</summary>
    protected void CreateStream() => Bytes = ChatStreamSamples.Build(Tokens);

    /// <summary>Uses <paramref name="bytes"/> as the stream instead of the content stream.</summary>
    protected void CreateStream(byte[] bytes) => Bytes = bytes;

    private protected MemoryStream OpenStream() => new(Bytes, writable: false);
}
