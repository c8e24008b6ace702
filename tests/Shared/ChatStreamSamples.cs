using System.Text;

namespace Juhe.Samples;

/// <summary>
/// Realistic chat completion streams, byte for byte as OpenAI-compatible gateways send them:
/// ~300-byte chunks with the usual envelope (and OpenAI's random <c>obfuscation</c> padding), tokens with JSON escapes (<c>\n</c>, <c>\"</c>,
/// <c>\u00e9</c>) and raw CJK text. Shared by the tests and the benchmarks so both see the same bytes.
/// </summary>
internal static class ChatStreamSamples
{
    /// <summary>Token fragments as they appear inside the JSON string, and what they decode to.</summary>
    public static readonly (string Json, string Text)[] Tokens =
    [
        ("Hello", "Hello"),
        (",", ","),
        (" world", " world"),
        ("!\\n\\n", "!\n\n"),
        (" He said \\\"hi\\\"", " He said \"hi\""),
        (" caf\\u00e9", " café"),
        (" 你好", " 你好"),
        ("，世界", "，世界"),
        (" the", " the"),
        (" quick", " quick"),
        (" brown", " brown"),
        (" fox", " fox"),
        (" jumps", " jumps"),
        (" over", " over"),
        (" 的", " 的"),
        (" lazy", " lazy"),
        (" dog", " dog"),
        (".", "."),
    ];

    private const string Prefix =
        "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion.chunk\",\"created\":1741570283," +
        "\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_eb9dce56a8\",\"choices\":[";

    /// <summary>The text the content tokens of <see cref="Build"/> decode to, concatenated.</summary>
    public static string ExpectedText(int tokens)
    {
        var text = new StringBuilder();
        for (int i = 0; i < tokens; i++)
        {
            text.Append(Tokens[i % Tokens.Length].Text);
        }

        return text.ToString();
    }

    /// <summary>
    /// A whole stream: the role chunk, <paramref name="tokens"/> content chunks, the finish chunk,
    /// the usage chunk (as with <c>stream_options.include_usage</c>) and <c>[DONE]</c>.
    /// </summary>
    public static byte[] Build(int tokens, string lineEnd = "\n") => Build(tokens, lineEnd, reasoning: false);

    /// <summary>
    /// The same stream in the reasoning phase, as new-api sends it: each token twice, as
    /// <c>reasoning_content</c> and as <c>reasoning</c> (read once).
    /// </summary>
    public static byte[] BuildReasoning(int tokens) => Build(tokens, "\n", reasoning: true);

    /// <summary>OpenAI's random padding, which makes every chunk's length differ (10 to 15 characters).</summary>
    private static string Obfuscation(int i) => "kX9mQ2vL7pRzT4wY"[(i % 5)..(10 + (i % 6))];

    private static byte[] Build(int tokens, string lineEnd, bool reasoning)
    {
        var sse = new StringBuilder();
        void Event(string json) => sse.Append("data: ").Append(json).Append(lineEnd).Append(lineEnd);

        Event(Prefix + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}");
        for (int i = 0; i < tokens; i++)
        {
            string token = Tokens[i % Tokens.Length].Json;
            string delta = reasoning
                ? "{\"reasoning_content\":\"" + token + "\",\"reasoning\":\"" + token + "\"}"
                : "{\"content\":\"" + token + "\"}";
            Event(Prefix + "{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"" + Obfuscation(i) + "\"}");
        }

        Event(Prefix + "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}");
        Event(Prefix + "],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":" + tokens + ",\"total_tokens\":" + (19 + tokens) +
            ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}");
        sse.Append("data: [DONE]").Append(lineEnd).Append(lineEnd);
        return Encoding.UTF8.GetBytes(sse.ToString());
    }
}
