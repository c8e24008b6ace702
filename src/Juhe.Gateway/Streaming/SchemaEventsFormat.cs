using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Juhe.Gateway.Catalog;
using Juhe.Gateway.Synthesis;

namespace Juhe.Gateway.Streaming;

/// <summary>
/// A stream kind the gateway has no writer for (<c>sse</c>, or a kind added to the schemas later):
/// three <c>data:</c> events, each an instance of the stream's event schema, so it still answers.
/// </summary>
internal sealed class SchemaEventsFormat(ResponseSynthesizer synthesizer, SchemaNode? eventSchema) : StreamFormat
{
    public override bool SendsKeepAlive => false;

    public override IReadOnlyList<SseFrame> Events(StreamRequest request)
    {
        var frames = new List<SseFrame>();
        for (int i = 0; i < 3; i++)
        {
            JsonNode? node = eventSchema is { } schema ? synthesizer.Synthesize(schema, request.Context) : JsonValue.Create(request.Context.AnswerTokens[i % request.Context.AnswerTokens.Length]);
            frames.Add(new SseFrame(null, Write(node)));
        }

        return frames;
    }

    public override SseFrame ErrorEvent(StreamRequest request, int sequence) =>
        new("error", "{\"error\":{\"message\":\"upstream error\",\"type\":\"upstream_error\",\"code\":\"bad_response\"}}"u8.ToArray());

    public override SseFrame OversizedEvent(StreamRequest request, int bytes) =>
        new(null, Write(JsonValue.Create(new string('x', Math.Max(0, bytes - 2)))));

    private static byte[] Write(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (node is null)
            {
                json.WriteNullValue();
            }
            else
            {
                node.WriteTo(json);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }
}
