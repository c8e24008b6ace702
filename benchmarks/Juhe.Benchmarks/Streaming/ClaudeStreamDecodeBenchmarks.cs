using Anthropic;
using Anthropic.Models.Messages;
using BenchmarkDotNet.Attributes;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Benchmarks.Streaming;

/// <summary>
/// Decode an Anthropic Messages stream to its text, per token, on identical bytes: the official
/// Anthropic .NET SDK (<c>Messages.CreateStreaming</c> over a canned HttpMessageHandler) and Juhe's
/// <see cref="ClaudeMessageStream"/>.
/// </summary>
[MemoryDiagnoser]
public class ClaudeStreamDecodeBenchmarks : StreamBenchmarkBase
{
    private AnthropicClient _anthropic = null!;
    private MessageCreateParams _parameters = null!;

    [GlobalSetup]
    public void CreateClients()
    {
        CreateStream(ClaudeStreamSamples.Build(Tokens));
        _anthropic = new AnthropicClient
        {
            ApiKey = "sk-ant-benchmark",
            BaseUrl = "http://localhost",
            HttpClient = new HttpClient(new CannedHandler(Bytes)),
            MaxRetries = 0,
        };
        _parameters = new MessageCreateParams
        {
            MaxTokens = 1024,
            Messages = [new UserMessageParam("Tell me a story.")],
            Model = "claude-sonnet-4-5",
        };
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "Anthropic SDK 13.14 Messages.CreateStreaming")]
    public async Task<int> AnthropicSdk()
    {
        int total = 0;
        await foreach (RawMessageStreamEvent streamEvent in _anthropic.Messages.CreateStreaming(_parameters))
        {
            if (streamEvent.TryPickContentBlockDelta(out RawContentBlockDeltaEvent? delta) && delta.Delta.TryPickText(out TextDelta? text))
            {
                total += text.Text.Length;
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Juhe ClaudeMessageStream (UTF-8 spans)")]
    public async Task<int> JuheClaudeMessageStream()
    {
        int total = 0;
        await using var stream = new ClaudeMessageStream(OpenStream());
        while (await stream.MoveNextAsync())
        {
            total += stream.Current.TextUtf8.Length;
        }

        return total;
    }
}
