using System.Text;

namespace Juhe.Samples;

/// <summary>
/// Realistic Responses API streams as OpenAI sends them: an <c>event:</c> line per event, a
/// <c>sequence_number</c> that grows by one, <c>logprobs</c> and random <c>obfuscation</c> on every
/// delta. Shared by the tests and the benchmarks.
/// </summary>
internal static class ResponseStreamSamples
{
    private const string Response =
        "\"response\":{\"id\":\"resp_68af4030592c81938ec0a5fbab4a3e9f05438e46b5f69a3b\",\"object\":\"response\",\"created_at\":1756315696," +
        "\"status\":\"STATUS\",\"background\":false,\"error\":null,\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":null," +
        "\"model\":\"gpt-4o-2024-08-06\",\"output\":OUTPUT,\"parallel_tool_calls\":true,\"previous_response_id\":null,\"reasoning\":{\"effort\":null,\"summary\":null}," +
        "\"service_tier\":\"default\",\"store\":true,\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"},\"verbosity\":\"medium\"}," +
        "\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,\"truncation\":\"disabled\",\"usage\":USAGE,\"user\":null,\"metadata\":{}}";

    private const string Item = "\"item_id\":\"msg_68af4033e26c8193b2c6a5dbd0b6cd4605438e46b5f69a3b\"";

    /// <summary>
    /// created, in_progress, a message item with <paramref name="tokens"/> output_text deltas (the
    /// tokens of <see cref="ChatStreamSamples.Tokens"/>), the done events and response.completed.
    /// </summary>
    public static byte[] Build(int tokens)
    {
        var sse = new StringBuilder();
        int sequence = 0;
        string text = JsonText(tokens);
        void Event(string type, string fields) =>
            ClaudeStreamSamples.Event(sse, type, "{\"type\":\"" + type + "\",\"sequence_number\":" + sequence++ + "," + fields + "}");
        string Lifecycle(string status, string output, string usage) =>
            Response.Replace("STATUS", status, StringComparison.Ordinal).Replace("OUTPUT", output, StringComparison.Ordinal).Replace("USAGE", usage, StringComparison.Ordinal);

        string item = "{\"id\":\"msg_68af4033e26c8193b2c6a5dbd0b6cd4605438e46b5f69a3b\",\"type\":\"message\",\"status\":\"STATUS\",\"content\":CONTENT,\"role\":\"assistant\"}";
        string part = "{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"TEXT\"}";
        Event("response.created", Lifecycle("in_progress", "[]", "null"));
        Event("response.in_progress", Lifecycle("in_progress", "[]", "null"));
        Event("response.output_item.added", "\"output_index\":0,\"item\":" + item.Replace("STATUS", "in_progress", StringComparison.Ordinal).Replace("CONTENT", "[]", StringComparison.Ordinal));
        Event("response.content_part.added", Item + ",\"output_index\":0,\"content_index\":0,\"part\":" + part.Replace("TEXT", "", StringComparison.Ordinal));
        for (int i = 0; i < tokens; i++)
        {
            string obfuscation = "q7Xk2LmN9pRsTvWy"[..(4 + (i * 5 % 12))];
            Event("response.output_text.delta", Item + ",\"output_index\":0,\"content_index\":0,\"delta\":\"" +
                ChatStreamSamples.Tokens[i % ChatStreamSamples.Tokens.Length].Json + "\",\"logprobs\":[],\"obfuscation\":\"" + obfuscation + "\"");
        }

        string donePart = part.Replace("TEXT", text, StringComparison.Ordinal);
        Event("response.output_text.done", Item + ",\"output_index\":0,\"content_index\":0,\"text\":\"" + text + "\",\"logprobs\":[]");
        Event("response.content_part.done", Item + ",\"output_index\":0,\"content_index\":0,\"part\":" + donePart);
        string doneItem = item.Replace("STATUS", "completed", StringComparison.Ordinal).Replace("CONTENT", "[" + donePart + "]", StringComparison.Ordinal);
        Event("response.output_item.done", "\"output_index\":0,\"item\":" + doneItem);
        Event("response.completed", Lifecycle("completed", "[" + doneItem + "]",
            "{\"input_tokens\":12,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":" + tokens + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":" + (12 + tokens) + "}"));
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    private static string JsonText(int tokens)
    {
        var text = new StringBuilder();
        for (int i = 0; i < tokens; i++)
        {
            text.Append(ChatStreamSamples.Tokens[i % ChatStreamSamples.Tokens.Length].Json);
        }

        return text.ToString();
    }
}
