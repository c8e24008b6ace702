using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Juhe.Chat;

namespace Juhe.Benchmarks.Serialization;

/// <summary>
/// Serializing one realistic chat request (system + user messages, a text + image_url message, two
/// tools with JSON-schema parameters, temperature, max_tokens, stream_options, a json_schema
/// response format) into a reused buffer: the Juhe-generated converter against the System.Text.Json
/// source generator on an equivalent hand-written type (the baseline).
/// </summary>
[MemoryDiagnoser]
public class ChatRequestSerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(8 * 1024);
    private Utf8JsonWriter _writer = null!;
    private ChatCompletionRequest _generated = null!;
    private StjChatRequest _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _generated = ChatRequestSamples.Generated();
        _handWritten = ChatRequestSamples.HandWritten();

        // Both sides must write the same JSON, or the comparison means nothing.
        string juhe = Written(JuheGenerated);
        string stj = Written(SystemTextJsonSourceGenerator);
        if (!JsonNode.DeepEquals(JsonNode.Parse(juhe), JsonNode.Parse(stj)))
        {
            throw new InvalidOperationException($"The two serializers disagree.\nJuhe: {juhe}\nSTJ:  {stj}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true)]
    public int SystemTextJsonSourceGenerator()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, _handWritten, StjChatJsonContext.Default.StjChatRequest);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int JuheGenerated()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, _generated, JuheJsonContext.Default.ChatCompletionRequest);
        return _buffer.WrittenCount;
    }

    private string Written(Func<int> serialize)
    {
        int length = serialize();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan[..length]);
    }
}
