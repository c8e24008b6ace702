using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Juhe.Chat;
using Juhe.Http;
using Juhe.Streaming;

namespace Juhe.Cli.Commands;

/// <summary>
/// <c>juhe bench</c>: streaming-chat throughput end to end over HTTP — tokens/s, MB/s, time to first
/// token, client CPU per 1,000 tokens and bytes allocated per token — against the offline gateway
/// (in a child process, so the CPU measured is the client's) or a given URL.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var requests = new Option<int>("--requests", "-n") { Description = "Streams to read, one after another.", DefaultValueFactory = _ => 20 };
        var tokens = new Option<int>("--tokens") { Description = "Tokens the offline gateway streams per answer.", DefaultValueFactory = _ => 2000 };
        var chunkBytes = new Option<int>("--chunk-bytes") { Description = "The offline gateway writes each event in pieces of this many bytes (0: whole events)." };
        var pacing = new Option<int>("--pacing-ms") { Description = "The offline gateway's pause between events, in milliseconds." };
        var url = new Option<string?>("--url") { Description = "Measure this gateway instead of the offline one (uses --api-key / JUHE_API_KEY)." };
        var model = new Option<string>("--model", "-m") { Description = "The model to ask.", DefaultValueFactory = _ => "gpt-4o-mini" };
        var command = new Command("bench", "Measure streaming-chat throughput end to end over HTTP.") { requests, tokens, chunkBytes, pacing, url, model };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var settings = new BenchSettings(parse.GetValue(requests), parse.GetValue(tokens), parse.GetValue(chunkBytes), parse.GetValue(pacing), parse.GetValue(model)!);
                if (settings.Requests < 1 || settings.Tokens < 1)
                {
                    throw new CliException("--requests and --tokens must be at least 1.");
                }

                if (parse.GetValue(url) is { } target)
                {
                    var options = ConnectionOptions.Resolve(parse, new Uri(target));
                    using var client = new JuheClient(options);
                    return await RunAsync(client, settings, "the gateway at " + target, cancellationToken).ConfigureAwait(false);
                }

                await using GatewayProcess gateway = await GatewayProcess.StartAsync([], cancellationToken).ConfigureAwait(false);
                using var offline = new JuheClient(ConnectionOptions.Resolve(parse, gateway.BaseUrl, "sk-juhe-bench"));
                return await RunAsync(offline, settings, $"the offline gateway (child process, {gateway.BaseUrl})", cancellationToken).ConfigureAwait(false);
            }
            catch (CliException e)
            {
                Terminal.Error.WriteLine("juhe: " + e.Message);
                return CliRunner.Usage;
            }
            catch (JuheApiException e)
            {
                Terminal.Error.WriteLine("juhe: " + CliRunner.Describe(e));
                return CliRunner.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Terminal.Error.WriteLine("juhe: interrupted");
                return CliRunner.Interrupted;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(JuheClient client, BenchSettings settings, string target, CancellationToken cancellationToken)
    {
        Terminal.Error.WriteLine($"juhe bench: {settings.Requests} streams of {settings.Tokens} tokens from {target}");
        await ReadOneAsync(client, settings, cancellationToken).ConfigureAwait(false); // warm-up: JIT, connection

        var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        long totalTokens = 0, totalBytes = 0;
        var firstTokens = new List<double>(settings.Requests);
        for (int i = 0; i < settings.Requests; i++)
        {
            StreamResult result = await ReadOneAsync(client, settings, cancellationToken).ConfigureAwait(false);
            totalTokens += result.Tokens;
            totalBytes += result.Bytes;
            firstTokens.Add(result.FirstToken.TotalMilliseconds);
        }

        wall.Stop();
        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        firstTokens.Sort();
        double seconds = wall.Elapsed.TotalSeconds;
        Terminal.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            tokens            {totalTokens:N0} in {settings.Requests} streams, {seconds:0.000} s
            throughput        {totalTokens / seconds:N0} tokens/s, {totalBytes / seconds / 1_000_000:0.00} MB/s
            first token       median {firstTokens[firstTokens.Count / 2]:0.00} ms, worst {firstTokens[^1]:0.00} ms
            client CPU        {cpuMs * 1000 / Math.Max(1, totalTokens):0.000} ms per 1,000 tokens
            allocated         {(double)allocated / Math.Max(1, totalTokens):0.0} B per token ({allocated / settings.Requests:N0} B per stream)
            """));
        return CliRunner.Ok;
    }

    private static async Task<StreamResult> ReadOneAsync(JuheClient client, BenchSettings settings, CancellationToken cancellationToken)
    {
        ChatCompletionRequest request = ChatCompletionRequest
            .CreateBuilder(settings.Model, [new ChatMessage { Role = ChatRole.User, Content = "bench" }])
            .Build();
        var juheRequest = new JuheRequest(HttpMethod.Post, "/v1/chat/completions")
        {
            StreamFlag = "stream",
            Headers =
            [
                new("X-Juhe-Answer-Tokens", settings.Tokens.ToString(CultureInfo.InvariantCulture)),
                new("X-Juhe-Chunk-Bytes", settings.ChunkBytes.ToString(CultureInfo.InvariantCulture)),
                new("X-Juhe-Pacing-Ms", settings.PacingMs.ToString(CultureInfo.InvariantCulture)),
            ],
        };

        long start = Stopwatch.GetTimestamp();
        Stream body = await client.OpenStreamAsync(juheRequest, JuheBody.Json(request, JuheJsonContext.Default.ChatCompletionRequest), cancellationToken).ConfigureAwait(false);
        var counting = new CountingStream(body);
        await using var stream = new ChatCompletionStream(counting);
        TimeSpan firstToken = TimeSpan.Zero;
        long tokens = 0;
        while (await stream.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!stream.Current.ContentUtf8.IsEmpty || !stream.Current.ReasoningUtf8.IsEmpty)
            {
                if (tokens++ == 0)
                {
                    firstToken = Stopwatch.GetElapsedTime(start);
                }
            }
        }

        return new StreamResult(tokens, counting.BytesRead, firstToken);
    }

    private sealed record BenchSettings(int Requests, int Tokens, int ChunkBytes, int PacingMs, string Model);

    private readonly record struct StreamResult(long Tokens, long Bytes, TimeSpan FirstToken);
}
