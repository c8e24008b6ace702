// The Responses client is marked experimental (OPENAI001) in openai-dotnet 2.15; measuring it is what this file is for.
#pragma warning disable OPENAI001
using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using Juhe.Samples;
using Juhe.Streaming;
using OpenAI.Responses;

namespace Juhe.Benchmarks.Streaming;

/// <summary>
/// Decode a Responses API stream to its output text, per token, on identical bytes: openai-dotnet's
/// <c>CreateResponseStreamingAsync</c> (over a canned HttpMessageHandler) and Juhe's <see cref="ResponseStream"/>.
/// </summary>
[MemoryDiagnoser]
public class ResponseStreamDecodeBenchmarks : StreamBenchmarkBase
{
    private ResponsesClient _openAi = null!;

    [GlobalSetup]
    public void CreateClients()
    {
        CreateStream(ResponseStreamSamples.Build(Tokens));
        var options = new ResponsesClientOptions
        {
            Endpoint = new Uri("http://localhost/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(new CannedHandler(Bytes))),
            RetryPolicy = new ClientRetryPolicy(0),
        };
        _openAi = new ResponsesClient(new ApiKeyCredential("sk-benchmark"), options);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "OpenAI SDK 2.15 CreateResponseStreamingAsync")]
    public async Task<int> OpenAISdk()
    {
        int total = 0;
        await foreach (StreamingResponseUpdate update in await _openAi.CreateResponseStreamingAsync("gpt-4o", "Tell me a story.", null))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta)
            {
                total += delta.Delta.Length;
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Juhe ResponseStream (UTF-8 spans)")]
    public async Task<int> JuheResponseStream()
    {
        int total = 0;
        await using var stream = new ResponseStream(OpenStream());
        while (await stream.MoveNextAsync())
        {
            total += stream.Current.DeltaUtf8.Length;
        }

        return total;
    }
}
