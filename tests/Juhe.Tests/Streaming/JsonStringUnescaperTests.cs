using System.Text;
using System.Text.Json;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming;

public class JsonStringUnescaperTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("line\\nbreak \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\r\\t")]
    [InlineData("caf\\u00e9 \\u4F60\\u597d")]
    [InlineData("emoji \\ud83d\\ude00!")]
    [InlineData("raw 你好 mixed \\u00e9")]
    public void Unescapes_exactly_as_Utf8JsonReader_does(string raw)
    {
        byte[] rawBytes = Encoding.UTF8.GetBytes(raw);
        var destination = new byte[rawBytes.Length];

        Assert.True(JsonStringUnescaper.TryUnescape(rawBytes, destination, out int written));

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + raw + "\""));
        reader.Read();
        Assert.Equal(reader.GetString(), Encoding.UTF8.GetString(destination, 0, written));
    }

    [Theory]
    [InlineData("lone high \\ud800 surrogate")]
    [InlineData("lone low \\udc00")]
    [InlineData("bad \\x escape")]
    [InlineData("short \\u12")]
    [InlineData("not hex \\u12G4")]
    [InlineData("trailing \\")]
    public void Leaves_unusual_or_broken_escapes_to_the_full_reader(string raw)
    {
        byte[] rawBytes = Encoding.UTF8.GetBytes(raw);

        Assert.False(JsonStringUnescaper.TryUnescape(rawBytes, new byte[rawBytes.Length], out _));
    }
}
