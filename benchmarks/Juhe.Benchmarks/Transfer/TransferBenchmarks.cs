using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Juhe.Http;

namespace Juhe.Benchmarks.Transfer;

/// <summary>
/// A 100 MB multipart upload and a 100 MB binary download through <see cref="JuheClient"/>, beside
/// the same transfers written by hand with <see cref="HttpClient"/>. The budget: under 1 MB
/// allocated in total for each, so memory does not grow with the file.
/// </summary>
[MemoryDiagnoser]
public class TransferBenchmarks
{
    private const long Size = 100L * 1024 * 1024;

    private TransferHandler _handler = null!;
    private JuheClient _juhe = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new TransferHandler(Size);
        _http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri("https://gateway.example") };
        _juhe = new JuheClient(new JuheClientOptions { BaseUrl = new Uri("https://gateway.example"), ApiKey = "sk-bench", HttpClient = _http });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _juhe.Dispose();
        _http.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Description = "HttpClient + MultipartFormDataContent upload, 100 MB")]
    public async Task<long> UploadByHand()
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new SyntheticFileStream(Size));
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "long.wav");
        form.Add(new StringContent("whisper-1"), "model");
        using HttpResponseMessage response = await _http.PostAsync("/v1/audio/transcriptions", form);
        return _handler.BytesReceived;
    }

    [Benchmark(Description = "Juhe JuheMultipartBody upload, 100 MB")]
    public async Task<long> UploadThroughJuhe()
    {
        JuheMultipartBody body = new JuheMultipartBody()
            .Add("file", JuheFile.FromStream(new SyntheticFileStream(Size), "long.wav"))
            .Add("model", "whisper-1");
        await _juhe.SendAsync(new JuheRequest(HttpMethod.Post, "/v1/audio/transcriptions"), body, TransferJson.Default.TranscriptText);
        return _handler.BytesReceived;
    }

    [Benchmark(Description = "HttpClient download to a sink, 100 MB")]
    public async Task<long> DownloadByHand()
    {
        using HttpResponseMessage response = await _http.GetAsync("/v1/videos/v1/content", HttpCompletionOption.ResponseHeadersRead);
        await using Stream body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
        return response.Content.Headers.ContentLength ?? 0;
    }

    [Benchmark(Description = "Juhe SendForBinaryAsync download to a sink, 100 MB")]
    public async Task<long> DownloadThroughJuhe()
    {
        await using JuheBinaryResponse video = await _juhe.SendForBinaryAsync(new JuheRequest(HttpMethod.Get, "/v1/videos/v1/content"), body: null);
        await video.CopyToAsync(Stream.Null);
        return video.ContentLength ?? 0;
    }
}

public sealed record TranscriptText(string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TranscriptText))]
internal sealed partial class TransferJson : JsonSerializerContext;
