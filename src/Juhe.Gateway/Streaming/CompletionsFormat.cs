using System.Text.Json;
using Juhe.Gateway.Synthesis;

namespace Juhe.Gateway.Streaming;

/// <summary>Legacy <c>text_completion</c> chunks (catalogue §3.1): text fragments, a finish chunk, the usage chunk when asked, <c>[DONE]</c>.</summary>
internal sealed class CompletionsFormat : StreamFormat
{
    private static readonly ChatCompletionsFormat Chat = new();
    private static readonly SseFrame Done = new(null, "[DONE]"u8.ToArray());

    public override SseFrame? DoneMarker => Done;

    public override IReadOnlyList<SseFrame> Events(StreamRequest request)
    {
        SynthesisContext context = request.Context;
        string id = "cmpl-" + context.NextId();
        var frames = new List<SseFrame>();
        foreach (string token in context.AnswerTokens)
        {
            frames.Add(Chunk(id, context, token, null));
        }

        frames.Add(Chunk(id, context, string.Empty, "stop"));
        if (request.IncludeUsage)
        {
            frames.Add(new SseFrame(null, JsonBytes.Write(json =>
            {
                Header(json, id, context);
                json.WriteStartArray("choices");
                json.WriteEndArray();
                ChatCompletionsFormat.WriteUsage(json, context);
                json.WriteEndObject();
            })));
        }

        frames.Add(Done);
        return frames;
    }

    public override SseFrame ErrorEvent(StreamRequest request, int sequence) => Chat.ErrorEvent(request, sequence);

    public override SseFrame RelayStreamError(StreamRequest request, int sequence) => Chat.RelayStreamError(request, sequence);

    public override SseFrame OversizedEvent(StreamRequest request, int bytes) =>
        Chunk("cmpl-oversized", request.Context, new string('x', Math.Max(0, bytes - 200)), null);

    private static SseFrame Chunk(string id, SynthesisContext context, string text, string? finish) => new(null, JsonBytes.Write(json =>
    {
        Header(json, id, context);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteString("text", text);
        json.WriteNumber("index", 0);
        json.WriteNull("logprobs");
        if (finish is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finish);
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }));

    private static void Header(Utf8JsonWriter json, string id, SynthesisContext context)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "text_completion");
        json.WriteNumber("created", SynthesisContext.Created);
        json.WriteString("model", context.Model);
    }
}
