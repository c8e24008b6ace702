using System.Text.Json;
using Juhe.Gateway.Synthesis;

namespace Juhe.Gateway.Streaming;

/// <summary>
/// Gemini <c>streamGenerateContent?alt=sse</c> chunks (catalogue §18.3): CRLF line ends, <c>data:</c>
/// lines only, cumulative <c>usageMetadata</c> on every chunk, <c>finishReason</c> on the last, no end marker.
/// </summary>
internal sealed class GeminiFormat : StreamFormat
{
    public override LineEnd LineEnd => LineEnd.CrLf;

    public override bool SendsKeepAlive => false;

    public override IReadOnlyList<SseFrame> Events(StreamRequest request)
    {
        SynthesisContext context = request.Context;
        string responseId = context.NextId();
        string[] tokens = context.AnswerTokens;
        var frames = new List<SseFrame>(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
        {
            bool last = i == tokens.Length - 1;
            int sent = i + 1;
            string token = tokens[i];
            frames.Add(new SseFrame(null, JsonBytes.Write(json =>
            {
                json.WriteStartObject();
                json.WriteStartArray("candidates");
                json.WriteStartObject();
                json.WriteStartObject("content");
                json.WriteStartArray("parts");
                json.WriteStartObject();
                json.WriteString("text", token);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteString("role", "model");
                json.WriteEndObject();
                if (last)
                {
                    json.WriteString("finishReason", "STOP");
                }

                json.WriteNumber("index", 0);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("usageMetadata");
                json.WriteNumber("promptTokenCount", context.PromptTokens);
                json.WriteNumber("candidatesTokenCount", sent);
                json.WriteNumber("totalTokenCount", context.PromptTokens + sent);
                json.WriteEndObject();
                json.WriteString("modelVersion", context.Model);
                json.WriteString("responseId", responseId);
                json.WriteEndObject();
            })));
        }

        return frames;
    }

    public override SseFrame ErrorEvent(StreamRequest request, int sequence) => new(null, JsonBytes.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteNumber("code", 500);
        json.WriteString("message", "An internal error has occurred.");
        json.WriteString("status", "INTERNAL");
        json.WriteEndObject();
        json.WriteEndObject();
    }));

    public override SseFrame OversizedEvent(StreamRequest request, int bytes) => new(null, JsonBytes.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("candidates");
        json.WriteStartObject();
        json.WriteStartObject("content");
        json.WriteStartArray("parts");
        json.WriteStartObject();
        json.WriteString("text", new string('x', Math.Max(0, bytes - 120)));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("role", "model");
        json.WriteEndObject();
        json.WriteNumber("index", 0);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }));
}
