using System.Text.Json;
using Juhe.Gateway.Synthesis;

namespace Juhe.Gateway.Streaming;

/// <summary>
/// OpenAI chat chunks as new-api relays them (catalogue §18.1): a role chunk, reasoning chunks for
/// reasoning models (the text in both <c>reasoning_content</c> and <c>reasoning</c>), content chunks,
/// the finish chunk with <c>delta:{}</c>, the usage chunk with empty choices when
/// <c>include_usage</c> is set (every earlier chunk then carries <c>"usage":null</c>), and <c>[DONE]</c>.
/// </summary>
internal sealed class ChatCompletionsFormat : StreamFormat
{
    private static readonly SseFrame Done = new(null, "[DONE]"u8.ToArray());

    public override SseFrame? DoneMarker => Done;

    public override IReadOnlyList<SseFrame> Events(StreamRequest request)
    {
        SynthesisContext context = request.Context;
        string id = "chatcmpl-" + context.NextId();
        bool usage = request.IncludeUsage;
        var frames = new List<SseFrame> { Chunk(id, context, usage, json => { json.WriteString("role", "assistant"); json.WriteString("content", string.Empty); }, null) };
        if (request.Reasons)
        {
            foreach (string token in AnswerText.ReasoningTokens())
            {
                frames.Add(Chunk(id, context, usage, json => { json.WriteString("reasoning_content", token); json.WriteString("reasoning", token); }, null));
            }
        }

        foreach (string token in context.AnswerTokens)
        {
            frames.Add(Chunk(id, context, usage, json => json.WriteString("content", token), null));
        }

        frames.Add(Chunk(id, context, usage, _ => { }, "stop"));
        if (usage)
        {
            frames.Add(new SseFrame(null, JsonBytes.Write(json =>
            {
                Header(json, id, context);
                json.WriteStartArray("choices");
                json.WriteEndArray();
                WriteUsage(json, context);
                json.WriteEndObject();
            })));
        }

        frames.Add(Done);
        return frames;
    }

    public override SseFrame ErrorEvent(StreamRequest request, int sequence) => new(null, JsonBytes.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", "upstream error: the model stopped answering");
        json.WriteString("type", "upstream_error");
        json.WriteString("param", string.Empty);
        json.WriteString("code", "bad_response");
        json.WriteEndObject();
        json.WriteEndObject();
    }));

    // new-api ≥ 0.9 (ecosystem notes): a chunk of its own with empty choices and an error member.
    public override SseFrame RelayStreamError(StreamRequest request, int sequence) => new(null, JsonBytes.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("id", "relay-error-timeout");
        json.WriteString("object", "chat.completion.chunk");
        json.WriteNumber("created", SynthesisContext.Created);
        json.WriteString("model", request.Context.Model);
        json.WriteStartArray("choices");
        json.WriteEndArray();
        json.WriteStartObject("error");
        json.WriteString("message", "upstream stream failed: no data within the streaming timeout");
        json.WriteString("type", "relay_stream_error");
        json.WriteString("code", "upstream_stream_failure_timeout");
        json.WriteEndObject();
        json.WriteEndObject();
    }));

    public override SseFrame OversizedEvent(StreamRequest request, int bytes)
    {
        string padding = new('x', Math.Max(0, bytes - 200));
        return Chunk("chatcmpl-oversized", request.Context, request.IncludeUsage, json => json.WriteString("content", padding), null);
    }

    private static SseFrame Chunk(string id, SynthesisContext context, bool usageNull, Action<Utf8JsonWriter> delta, string? finish) =>
        new(null, JsonBytes.Write(json =>
        {
            Header(json, id, context);
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            delta(json);
            json.WriteEndObject();
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
            if (usageNull)
            {
                json.WriteNull("usage");
            }

            json.WriteEndObject();
        }));

    private static void Header(Utf8JsonWriter json, string id, SynthesisContext context)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "chat.completion.chunk");
        json.WriteNumber("created", SynthesisContext.Created);
        json.WriteString("model", context.Model);
        json.WriteString("system_fingerprint", "fp_juhe");
    }

    /// <summary>The usage object new-api writes: the three totals, their details, and the Responses-style names.</summary>
    internal static void WriteUsage(Utf8JsonWriter json, SynthesisContext context)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", context.PromptTokens);
        json.WriteNumber("completion_tokens", context.CompletionTokens);
        json.WriteNumber("total_tokens", context.PromptTokens + context.CompletionTokens);
        json.WriteStartObject("prompt_tokens_details");
        json.WriteNumber("cached_tokens", 0);
        json.WriteNumber("text_tokens", 0);
        json.WriteNumber("audio_tokens", 0);
        json.WriteNumber("image_tokens", 0);
        json.WriteEndObject();
        json.WriteStartObject("completion_tokens_details");
        json.WriteNumber("text_tokens", 0);
        json.WriteNumber("audio_tokens", 0);
        json.WriteNumber("reasoning_tokens", 0);
        json.WriteEndObject();
        json.WriteNumber("input_tokens", 0);
        json.WriteNumber("output_tokens", 0);
        json.WriteNull("input_tokens_details");
        json.WriteEndObject();
    }
}
