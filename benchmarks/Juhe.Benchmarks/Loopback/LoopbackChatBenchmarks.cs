using System.ClientModel;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Juhe.Chat;
using Juhe.Http;
using Juhe.Streaming;
using OpenAI;
using OpenAI.Chat;

namespace Juhe.Benchmarks.Loopback;

/// <summary>
/// A streaming chat of 1,000 tokens over real loopback HTTP from the offline gateway, which runs in
/// a child process (so the client CPU column is the client's alone): through Juhe and through the
/// official OpenAI SDK, on the same stream. Time to first token is measured by its own pair.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class LoopbackChatBenchmarks
{
    private const int Tokens = 1000;
    private Process _gateway = null!;
    private JuheClient _juhe = null!;
    private OpenAI.Chat.ChatClient _openAi = null!;
    private ChatCompletionRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "NativeAot.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("NativeAot.sln not found above " + AppContext.BaseDirectory);
        }

        // The gateway program, built by `dotnet build -c Release` of the solution.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "src", "Juhe.Gateway", "bin", "Release", "net10.0", "Juhe.Gateway.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        _gateway = Process.Start(start)!;
        string line;
        while (!(line = _gateway.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the gateway ended")).Contains("listening on", StringComparison.Ordinal))
        {
        }

        var baseUrl = new Uri(line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim());
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Juhe-Answer-Tokens", Tokens.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _juhe = new JuheClient(new JuheClientOptions { BaseUrl = baseUrl, ApiKey = "sk-bench", HttpClient = http });
        _openAi = new OpenAI.Chat.ChatClient("gpt-4o", new ApiKeyCredential("sk-bench"), new OpenAIClientOptions
        {
            Endpoint = new Uri(baseUrl, "/v1"),
            Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(http),
        });
        _request = ChatCompletionRequest.CreateBuilder("gpt-4o", [new Juhe.Chat.ChatMessage { Role = ChatRole.User, Content = "hi" }]).Build();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _juhe.Dispose();
        _gateway.Kill(entireProcessTree: true);
        _gateway.Dispose();
    }

    [Benchmark(Baseline = true, Description = "OpenAI SDK 2.15, whole stream")]
    public async Task<int> OpenAiSdkStream()
    {
        int tokens = 0;
        await foreach (StreamingChatCompletionUpdate update in _openAi.CompleteChatStreamingAsync([new UserChatMessage("hi")]))
        {
            tokens += update.ContentUpdate.Count;
        }

        return tokens;
    }

    [Benchmark(Description = "Juhe ChatCompletionStream, whole stream")]
    public async Task<int> JuheStream()
    {
        int tokens = 0;
        await using ChatCompletionStream stream = await _juhe.Chat.StreamAsync(_request);
        while (await stream.MoveNextAsync())
        {
            tokens += stream.Current.ContentUtf8.IsEmpty ? 0 : 1;
        }

        return tokens;
    }

    [Benchmark(Description = "OpenAI SDK 2.15, time to first token")]
    public async Task<int> OpenAiSdkFirstToken()
    {
        await foreach (StreamingChatCompletionUpdate update in _openAi.CompleteChatStreamingAsync([new UserChatMessage("hi")]))
        {
            if (update.ContentUpdate.Count > 0)
            {
                return update.ContentUpdate.Count;
            }
        }

        return 0;
    }

    [Benchmark(Description = "Juhe, time to first token")]
    public async Task<int> JuheFirstToken()
    {
        await using ChatCompletionStream stream = await _juhe.Chat.StreamAsync(_request);
        while (await stream.MoveNextAsync())
        {
            if (!stream.Current.ContentUtf8.IsEmpty)
            {
                return 1;
            }
        }

        return 0;
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddDiagnoser(new ClientCpuDiagnoser());
    }
}
