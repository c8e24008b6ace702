using System.Text;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming.Claude;

/// <summary>The template shortcut must never change a result: decoding events in sequence equals decoding each afresh.</summary>
public class ClaudeChunkTemplateTests
{
    private static readonly string[] Fragments = ["a", "", " ", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "你好", "}", "\\\"}", "\\u0041", "{\\\"k\\\":"];
    private static readonly string[] DeltaTypes = ["text_delta\",\"text", "thinking_delta\",\"thinking", "input_json_delta\",\"partial_json", "signature_delta\",\"signature"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decoding_in_sequence_equals_decoding_each_event_afresh(int seed)
    {
        var random = new Random(seed);
        using var shared = new ClaudeChunkDecoder();
        int payloads = 0;
        var block = (Index: 0, Type: DeltaTypes[0]);
        for (int i = 0; i < 400; i++)
        {
            if (random.Next(8) == 0)
            {
                block = (random.Next(3), DeltaTypes[random.Next(DeltaTypes.Length)]); // a new block now and then, as in a real stream
            }

            string payload = RandomEvent(random, block.Index, block.Type);
            byte[] data = Encoding.UTF8.GetBytes(payload);
            using var fresh = new ClaudeChunkDecoder();
            payloads++;

            Assert.Equal(Describe(fresh, data), Describe(shared, data));
        }

        Assert.True(shared.ShortcutCount > payloads / 3, $"the shortcut was taken only {shared.ShortcutCount} times");
    }

    [Fact]
    public void Text_deltas_take_the_shortcut_whatever_their_padding()
    {
        byte[] bytes = ClaudeStreamSamples.Build(50);
        using var claude = new ClaudeMessageStream(new MemoryStream(bytes));
        var text = new StringBuilder();
        while (claude.TryRead(out ClaudeStreamEvent e))
        {
            text.Append(e.TextString());
        }

        Assert.Equal(ChatStreamSamples.ExpectedText(50), text.ToString());
        using var decoder = new ClaudeChunkDecoder();
        foreach (string line in Encoding.UTF8.GetString(bytes).Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)))
        {
            decoder.Decode(Encoding.UTF8.GetBytes(line[6..]));
        }

        Assert.Equal(49, decoder.ShortcutCount);
    }

    private static string RandomEvent(Random random, int index, string deltaType)
    {
        int shape = random.Next(10);
        string padding = new(' ', random.Next(4));
        if (shape < 7)
        {
            string token = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            return "{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":{\"type\":\"" + deltaType + "\":\"" + token + "\"}" + padding + "}";
        }

        return shape switch
        {
            7 => "{\"type\":\"content_block_start\",\"index\":" + random.Next(2) + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}" + padding,
            8 => "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + random.Next(100) + "}}",
            _ => "{\"type\": \"ping\"}",
        };
    }

    private static string Describe(ClaudeChunkDecoder decoder, byte[] data)
    {
        try
        {
            decoder.Decode(data);
            ClaudeEventRecord record = ClaudeEventRecord.From(new ClaudeStreamEvent(decoder, data));
            return (record with { Usage = null }).ToString() + Encoding.UTF8.GetString(new ClaudeStreamEvent(decoder, data).DeltaJson);
        }
        catch (JuheApiException e)
        {
            return "error: " + e.Message;
        }
    }
}
