using System.Text.Json;
using Juhe.Gateway.Synthesis;

namespace Juhe.Gateway.Streaming;

/// <summary>
/// OpenAI Responses events (catalogue §18.4): <c>event:</c> lines, a monotonic <c>sequence_number</c> in
/// every payload, created → output item → text deltas → done events → <c>response.completed</c>.
/// </summary>
internal sealed class ResponsesFormat : StreamFormat
{
    public override IReadOnlyList<SseFrame> Events(StreamRequest request)
    {
        SynthesisContext context = request.Context;
        string responseId = "resp_" + context.NextId();
        string itemId = "msg_" + context.NextId();
        string text = context.Answer;
        int sequence = 0;
        var frames = new List<SseFrame>
        {
            Event("response.created", sequence++, json => WriteResponse(json, responseId, context, "in_progress", null)),
            Event("response.in_progress", sequence++, json => WriteResponse(json, responseId, context, "in_progress", null)),
            Event("response.output_item.added", sequence++, json =>
            {
                json.WriteNumber("output_index", 0);
                WriteItem(json, itemId, "in_progress", null);
            }),
            Event("response.content_part.added", sequence++, json =>
            {
                WritePosition(json, itemId);
                WritePart(json, string.Empty);
            }),
        };
        foreach (string token in context.AnswerTokens)
        {
            frames.Add(Event("response.output_text.delta", sequence++, json =>
            {
                WritePosition(json, itemId);
                json.WriteString("delta", token);
            }));
        }

        frames.Add(Event("response.output_text.done", sequence++, json =>
        {
            WritePosition(json, itemId);
            json.WriteString("text", text);
        }));
        frames.Add(Event("response.content_part.done", sequence++, json =>
        {
            WritePosition(json, itemId);
            WritePart(json, text);
        }));
        frames.Add(Event("response.output_item.done", sequence++, json =>
        {
            json.WriteNumber("output_index", 0);
            WriteItem(json, itemId, "completed", text);
        }));
        frames.Add(Event("response.completed", sequence, json => WriteResponse(json, responseId, context, "completed", w => WriteItem(w, itemId, "completed", text, inArray: true))));
        return frames;
    }

    public override SseFrame ErrorEvent(StreamRequest request, int sequence) => new("error", JsonBytes.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("type", "error");
        json.WriteString("code", "server_error");
        json.WriteString("message", "The model failed to generate a response.");
        json.WriteNull("param");
        json.WriteNumber("sequence_number", sequence);
        json.WriteEndObject();
    }));

    public override SseFrame OversizedEvent(StreamRequest request, int bytes) => Event("response.output_text.delta", 1_000_000, json =>
    {
        WritePosition(json, "msg_oversized");
        json.WriteString("delta", new string('x', Math.Max(0, bytes - 200)));
    });

    private static SseFrame Event(string type, int sequence, Action<Utf8JsonWriter> members) => new(type, JsonBytes.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteNumber("sequence_number", sequence);
        members(json);
        json.WriteEndObject();
    }));

    private static void WriteResponse(Utf8JsonWriter json, string id, SynthesisContext context, string status, Action<Utf8JsonWriter>? output)
    {
        json.WriteStartObject("response");
        json.WriteString("id", id);
        json.WriteString("object", "response");
        json.WriteNumber("created_at", SynthesisContext.Created);
        json.WriteString("status", status);
        json.WriteString("model", context.Model);
        json.WriteStartArray("output");
        output?.Invoke(json);
        json.WriteEndArray();
        if (status == "completed")
        {
            json.WriteStartObject("usage");
            json.WriteNumber("input_tokens", context.PromptTokens);
            json.WriteNumber("output_tokens", context.CompletionTokens);
            json.WriteNumber("total_tokens", context.PromptTokens + context.CompletionTokens);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("usage");
        }

        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, string itemId, string status, string? text, bool inArray = false)
    {
        if (inArray)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject("item");
        }

        json.WriteString("id", itemId);
        json.WriteString("type", "message");
        json.WriteString("status", status);
        json.WriteString("role", "assistant");
        json.WriteStartArray("content");
        if (text is not null)
        {
            json.WriteStartObject();
            json.WriteString("type", "output_text");
            json.WriteString("text", text);
            json.WriteStartArray("annotations");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string itemId)
    {
        json.WriteString("item_id", itemId);
        json.WriteNumber("output_index", 0);
        json.WriteNumber("content_index", 0);
    }

    private static void WritePart(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject("part");
        json.WriteString("type", "output_text");
        json.WriteString("text", text);
        json.WriteStartArray("annotations");
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
