using System.Text;

namespace Juhe.Samples;

/// <summary>
/// Realistic Anthropic Messages streams, byte for byte as the API and new-api send them: an
/// <c>event:</c> line equal to each payload's type, payloads padded with a varying run of spaces before
/// the closing brace, a ping between blocks. Shared by the tests and the benchmarks.
/// </summary>
internal static class ClaudeStreamSamples
{
    /// <summary>
    /// message_start, a text block of <paramref name="tokens"/> text deltas (the tokens of
    /// <see cref="ChatStreamSamples.Tokens"/>), message_delta and message_stop.
    /// </summary>
    public static byte[] Build(int tokens)
    {
        var sse = new StringBuilder();
        Event(sse, "message_start", """{"type":"message_start","message":{"model":"claude-sonnet-4-5-20250929","id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":1,"service_tier":"standard"}}    }""");
        Event(sse, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}           }""");
        Event(sse, "ping", """{"type": "ping"}""");
        for (int i = 0; i < tokens; i++)
        {
            string padding = new(' ', 1 + (i * 7 % 11));
            Event(sse, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" +
                ChatStreamSamples.Tokens[i % ChatStreamSamples.Tokens.Length].Json + "\"}" + padding + "}");
        }

        Event(sse, "content_block_stop", """{"type":"content_block_stop","index":0   }""");
        Event(sse, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":" + tokens + "}        }");
        Event(sse, "message_stop", """{"type":"message_stop"    }""");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    /// <summary>Appends one event: its <c>event:</c> line, its <c>data:</c> line and a blank line.</summary>
    public static void Event(StringBuilder sse, string type, string json) =>
        sse.Append("event: ").Append(type).Append('\n').Append("data: ").Append(json).Append("\n\n");
}
