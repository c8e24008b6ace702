using System.Text;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming;

/// <summary>
/// The decoder's shortcut (decode a chunk as "the last chunk with a new string") must never change
/// a result: decoding chunk after chunk with one decoder equals decoding each chunk with a fresh one.
/// </summary>
public class ChatChunkTemplateTests
{
    private static readonly string[] Fragments =
    [
        "a", "", " ", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "你好", "é", "}", "]", ",", "\\\"}", "x\\\\\\\"y", "null", "\\/", "\\u0041\\u4F60", "\\b\\f\\r\\t",
    ];

    // Fragments no valid chunk holds: both paths must reject them alike.
    private static readonly string[] BadFragments = ["\\ud800", "\\uDC00x", "\\x", "\t", "\\u12"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Decoding_in_sequence_equals_decoding_each_chunk_afresh(int seed)
    {
        var random = new Random(seed);
        List<string> payloads = RandomPayloads(random, 400);

        using var shared = new ChatChunkDecoder();
        foreach (string payload in payloads)
        {
            byte[] data = Encoding.UTF8.GetBytes(payload);
            using var fresh = new ChatChunkDecoder();

            Assert.Equal(DecodeAndDescribe(fresh, data), DecodeAndDescribe(shared, data));
        }

        Assert.True(shared.ShortcutCount > payloads.Count / 3, $"the shortcut was taken only {shared.ShortcutCount} times");
    }

    [Theory]
    [InlineData("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"TOKEN\"},\"finish_reason\":null}]}")]
    [InlineData("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"TOKEN\",\"reasoning\":\"TOKEN\"}}]}")]
    [InlineData("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"TOKEN\"}}]}")]
    [InlineData("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"TOKEN\"}}]}}]}")]
    public void Every_text_phase_takes_the_shortcut_after_its_first_chunk(string shape)
    {
        using var decoder = new ChatChunkDecoder();
        var decoded = new StringBuilder();
        foreach ((string json, string text) in ChatStreamSamples.Tokens)
        {
            byte[] data = Encoding.UTF8.GetBytes(shape.Replace("TOKEN", json, StringComparison.Ordinal));
            decoder.Decode(data);
            var chunk = new ChatCompletionChunk(decoder, data, 0);
            decoded.Append(chunk.ContentString()).Append(chunk.ReasoningString());
            foreach (ChatToolCallFragment call in chunk.ToolCalls)
            {
                decoded.Append(call.ArgumentsString());
            }
        }

        Assert.Equal(string.Concat(ChatStreamSamples.Tokens.Select(t => t.Text)), decoded.ToString());
        Assert.Equal(ChatStreamSamples.Tokens.Length - 1, decoder.ShortcutCount);
    }

    [Fact]
    public void A_control_character_in_a_token_is_rejected_on_the_shortcut_as_on_the_full_parse()
    {
        byte[] first = Encoding.UTF8.GetBytes(Chunk("ok"));
        byte[] bad = Encoding.UTF8.GetBytes(Chunk("tab\there"));
        using var shared = new ChatChunkDecoder();
        using var fresh = new ChatChunkDecoder();
        shared.Decode(first);

        Assert.Throws<JuheApiException>(() => fresh.Decode(bad));
        var error = Assert.Throws<JuheApiException>(() => shared.Decode(bad));
        Assert.Contains("not a valid chat.completion.chunk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_in_a_token_is_rejected_on_the_shortcut_as_on_the_full_parse()
    {
        byte[] first = Encoding.UTF8.GetBytes(Chunk("ok"));
        byte[] bad = Encoding.UTF8.GetBytes(Chunk("AB"));
        bad[Array.IndexOf(bad, (byte)'A')] = 0xC3; // a lead byte followed by 'B' is not UTF-8
        using var shared = new ChatChunkDecoder();
        using var fresh = new ChatChunkDecoder();
        shared.Decode(first);

        Assert.ThrowsAny<Exception>(() => fresh.Decode(bad));
        Assert.Throws<JuheApiException>(() => shared.Decode(bad));
    }

    [Fact]
    public void An_unterminated_token_is_rejected_on_the_shortcut_as_on_the_full_parse()
    {
        byte[] first = Encoding.UTF8.GetBytes(Chunk("ok"));
        string text = Chunk("ok");
        byte[] bad = Encoding.UTF8.GetBytes(text[..(text.IndexOf("\"content\":\"", StringComparison.Ordinal) + 13)]);
        using var shared = new ChatChunkDecoder();
        shared.Decode(first);

        Assert.Throws<JuheApiException>(() => shared.Decode(bad));
    }

    private static string Chunk(string content, string finish = "null", string id = "chatcmpl-1") =>
        "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" +
        content + "\"},\"logprobs\":null,\"finish_reason\":" + finish + "}],\"usage\":null}";

    private static List<string> RandomPayloads(Random random, int count)
    {
        var payloads = new List<string>();
        string id = "chatcmpl-1";
        int shape = 0;
        for (int i = 0; i < count; i++)
        {
            // Runs of one shape, as real streams have, with a shape change now and then.
            if (random.Next(6) == 0)
            {
                shape = random.Next(16);
            }

            string token = Fragments[random.Next(Fragments.Length)] + Fragments[random.Next(Fragments.Length)];
            if (random.Next(25) == 0)
            {
                token += BadFragments[random.Next(BadFragments.Length)];
            }

            payloads.Add(shape switch
            {
                0 => Chunk(token, "\"stop\""),
                1 => Chunk(token, id: id = "chatcmpl-" + random.Next(3)),
                2 => "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"" + token + "\",\"reasoning\":\"" + token + "\"}}],\"id\":\"" + id + "\"}",
                3 => "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + token + "\"}}]}}]}",
                4 => "{\"id\":\"" + id + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + random.Next(100) + ",\"completion_tokens\":2,\"total_tokens\":3}}",
                5 => "{\"id\":\"" + id + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + token + "\"}},{\"index\":1,\"delta\":{\"content\":\"b\"}}]}",
                6 => "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + token + "\",\"content\":\"dup\"}}]}",
                7 => "{\"choices\":[{\"delta\":{\"content\":\"" + token + "\"},\"index\":" + random.Next(2) + "}],\"id\":\"" + id + "\",\"model\":\"m\"}",
                8 => "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"" + token + "\",\"reasoning_content\":\"" + Fragments[random.Next(Fragments.Length)] + "\"}}]}",
                9 => "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"" + token + "\"}}],\"usage\":null}",
                10 => "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":null,\"reasoning\":\"" + token + "\",\"role\":\"assistant\"}}]}",
                _ => Chunk(token, id: id),
            });
        }

        return payloads;
    }

    /// <summary>What decoding gives: every item's values, or the type of the error that rejected the chunk.</summary>
    private static string DecodeAndDescribe(ChatChunkDecoder decoder, byte[] data)
    {
        try
        {
            decoder.Decode(data);
        }
        catch (JuheApiException)
        {
            return "rejected";
        }


        var text = new StringBuilder();
        int items = Math.Max(decoder.ChoiceCount, 1);
        for (int i = 0; i < items; i++)
        {
            ChatDelta delta = ChatDelta.From(new ChatCompletionChunk(decoder, data, decoder.ChoiceCount == 0 ? -1 : i));
            text.Append(delta).Append('\n');
        }

        return text.ToString();
    }
}
