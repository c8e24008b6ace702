using System.Text;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming.Gemini;

/// <summary>The template shortcut (text and running token counts as holes) must never change a result.</summary>
public class GeminiChunkTemplateTests
{
    private static readonly string[] Fragments = ["a", "", " ", "\\\"", "\\n", "\\u003c", "\\ud83d\\ude00", "你好", "}", "\\r\\n"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decoding_in_sequence_equals_decoding_each_chunk_afresh(int seed)
    {
        var random = new Random(seed);
        using var shared = new GeminiChunkDecoder();
        int count = 0;
        for (int i = 0; i < 400; i++)
        {
            count += random.Next(1, 30);
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            string thought = random.Next(10) == 0 ? ",\"thought\": true" : "";
            string thoughts = random.Next(10) == 0 ? "" : ",\"thoughtsTokenCount\": " + (count / 2);
            string details = random.Next(3) == 0 ? ",\"candidatesTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": " + count + "}]" : "";
            string payload = "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"" + text + "\"" + thought + "}],\"role\": \"model\"},\"index\": 0}]," +
                "\"usageMetadata\": {\"promptTokenCount\": 18,\"candidatesTokenCount\": " + count + ",\"totalTokenCount\": " + (count + 18) + thoughts + details + "}}";
            byte[] data = Encoding.UTF8.GetBytes(payload);
            using var fresh = new GeminiChunkDecoder();

            Assert.Equal(Describe(fresh, data), Describe(shared, data));
        }

        Assert.True(shared.ShortcutCount > 100, $"the shortcut was taken only {shared.ShortcutCount} times");
    }

    [Fact]
    public void Text_chunks_take_the_shortcut_despite_changing_token_counts()
    {
        using var decoder = new GeminiChunkDecoder();
        foreach (string line in Encoding.UTF8.GetString(GeminiStreamSamples.Build(40)).Split("\r\n").Where(l => l.StartsWith("data: ", StringComparison.Ordinal)))
        {
            decoder.Decode(Encoding.UTF8.GetBytes(line[6..]));
        }

        Assert.Equal(38, decoder.ShortcutCount); // all but the first and the finishing chunk
    }

    private static string Describe(GeminiChunkDecoder decoder, byte[] data)
    {
        try
        {
            decoder.Decode(data);
            return GeminiChunkRecord.From(new GeminiStreamChunk(decoder, data, 0)).ToString();
        }
        catch (JuheApiException e)
        {
            return "error: " + e.Message;
        }
    }
}
