using System.Text;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming.Responses;

/// <summary>The template shortcut (string and integer holes) must never change a result.</summary>
public class ResponseChunkTemplateTests
{
    private static readonly string[] Fragments = ["a", "", " ", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "你好", "}", "\\u202f"];
    private static readonly string[] Numbers = ["0", "7", "42", "123456", "-1", "01", "1.5", "1e3", "99999999999999999999", "null"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decoding_in_sequence_equals_decoding_each_event_afresh(int seed)
    {
        var random = new Random(seed);
        using var shared = new ResponseChunkDecoder();
        int sequence = 0;
        for (int i = 0; i < 400; i++)
        {
            sequence += random.Next(1, 3);
            string number = random.Next(10) == 0 ? Numbers[random.Next(Numbers.Length)] : sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string delta = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            string obfuscation = new('z', random.Next(0, 9));
            string type = random.Next(6) == 0 ? "response.function_call_arguments.delta" : "response.output_text.delta";
            string payload = "{\"type\":\"" + type + "\",\"sequence_number\":" + number + ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"" +
                delta + "\",\"logprobs\":[],\"obfuscation\":\"" + obfuscation + "\"}";
            byte[] data = Encoding.UTF8.GetBytes(payload);
            using var fresh = new ResponseChunkDecoder();

            Assert.Equal(Describe(fresh, data), Describe(shared, data));
        }

        Assert.True(shared.ShortcutCount > 150, $"the shortcut was taken only {shared.ShortcutCount} times");
    }

    [Fact]
    public void Consecutive_text_deltas_take_the_shortcut_despite_sequence_numbers_and_obfuscation()
    {
        using var decoder = new ResponseChunkDecoder();
        foreach (string line in Encoding.UTF8.GetString(ResponseStreamSamples.Build(40)).Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)))
        {
            decoder.Decode(Encoding.UTF8.GetBytes(line[6..]));
        }

        Assert.Equal(39, decoder.ShortcutCount);
    }

    private static string Describe(ResponseChunkDecoder decoder, byte[] data)
    {
        try
        {
            decoder.Decode(data);
            return ResponseEventRecord.From(new ResponseStreamEvent(decoder, data)).ToString();
        }
        catch (JuheApiException e)
        {
            return "error: " + e.Message;
        }
    }
}
