using System.Text;
using System.Text.Json;
using Juhe.Gateway.Synthesis;

namespace Juhe.Gateway.Streaming;

/// <summary>
/// Anthropic Messages events (catalogue §18.2): <c>event:</c> lines equal to each payload's type,
/// message_start … message_stop, a <c>ping</c> after the first block starts, and data lines padded with
/// spaces before their closing brace, as Anthropic's own servers write them.
/// </summary>
internal sealed class ClaudeFormat : StreamFormat
{
    public override bool SendsKeepAlive => false;

    public override IReadOnlyList<SseFrame> Events(StreamRequest request)
    {
        SynthesisContext context = request.Context;
        string id = "msg_" + context.NextId();
        var frames = new List<SseFrame>
        {
            Event("message_start", json =>
            {
                json.WriteStartObject("message");
                json.WriteString("id", id);
                json.WriteString("type", "message");
                json.WriteString("role", "assistant");
                json.WriteString("model", context.Model);
                json.WriteStartArray("content");
                json.WriteEndArray();
                json.WriteNull("stop_reason");
                json.WriteNull("stop_sequence");
                json.WriteStartObject("usage");
                json.WriteNumber("input_tokens", context.PromptTokens);
                json.WriteNumber("output_tokens", 1);
                json.WriteEndObject();
                json.WriteEndObject();
            }, padding: 4),
            Event("content_block_start", json =>
            {
                json.WriteNumber("index", 0);
                json.WriteStartObject("content_block");
                json.WriteString("type", "text");
                json.WriteString("text", string.Empty);
                json.WriteEndObject();
            }),
            new SseFrame("ping", "{\"type\": \"ping\"}"u8.ToArray()),
        };
        foreach (string token in context.AnswerTokens)
        {
            frames.Add(Event("content_block_delta", json =>
            {
                json.WriteNumber("index", 0);
                json.WriteStartObject("delta");
                json.WriteString("type", "text_delta");
                json.WriteString("text", token);
                json.WriteEndObject();
            }));
        }

        frames.Add(Event("content_block_stop", json => json.WriteNumber("index", 0)));
        frames.Add(Event("message_delta", json =>
        {
            json.WriteStartObject("delta");
            json.WriteString("stop_reason", "end_turn");
            json.WriteNull("stop_sequence");
            json.WriteEndObject();
            json.WriteStartObject("usage");
            json.WriteNumber("input_tokens", context.PromptTokens);
            json.WriteNumber("output_tokens", context.CompletionTokens);
            json.WriteEndObject();
        }, padding: 6));
        frames.Add(Event("message_stop", _ => { }));
        return frames;
    }

    public override SseFrame ErrorEvent(StreamRequest request, int sequence) => Event("error", json =>
    {
        json.WriteStartObject("error");
        json.WriteString("type", "overloaded_error");
        json.WriteString("message", "Overloaded");
        json.WriteEndObject();
    });

    public override SseFrame OversizedEvent(StreamRequest request, int bytes) => Event("content_block_delta", json =>
    {
        json.WriteNumber("index", 0);
        json.WriteStartObject("delta");
        json.WriteString("type", "text_delta");
        json.WriteString("text", new string('x', Math.Max(0, bytes - 120)));
        json.WriteEndObject();
    });

    private static SseFrame Event(string type, Action<Utf8JsonWriter> members, int padding = 0)
    {
        byte[] data = JsonBytes.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            members(json);
            json.WriteEndObject();
        });
        if (padding > 0)
        {
            // "…}}    }": spaces before the final brace, which readers must not trip on.
            string text = Encoding.UTF8.GetString(data);
            data = Encoding.UTF8.GetBytes(text[..^1] + new string(' ', padding) + "}");
        }

        return new SseFrame(type, data);
    }
}
