using Juhe.Tests.Support;

namespace Juhe.Tests.Streaming.RealStreams;

/// <summary>
/// Every recorded stream of every format decodes to what its format's rules give (an independent
/// reading with System.Text.Json, <see cref="Oracles"/>): text, reasoning, tool calls, finish reasons,
/// usage, and an error or truncation exactly where the stream has one — read whole and byte by byte,
/// synchronously and asynchronously.
/// </summary>
public class RealStreamConformanceTests
{
    public static TheoryData<string> ChatStreams => RealStreamFiles.Of("openai-chat");

    public static TheoryData<string> ClaudeStreams => RealStreamFiles.Of("anthropic");

    public static TheoryData<string> ResponsesStreams => RealStreamFiles.Of("openai-responses");

    public static TheoryData<string> GeminiStreams => RealStreamFiles.Of("gemini");

    [RealStreamsTheory]
    [MemberData(nameof(ChatStreams))]
    public Task Chat_streams_decode_by_the_chat_rules(string file) =>
        Check("openai-chat", file, Oracles.Chat, Decoded.ChatAsync);

    [RealStreamsTheory]
    [MemberData(nameof(ClaudeStreams))]
    public Task Claude_streams_decode_by_the_Anthropic_rules(string file) =>
        Check("anthropic", file, Oracles.Claude, Decoded.ClaudeAsync);

    [RealStreamsTheory]
    [MemberData(nameof(ResponsesStreams))]
    public Task Responses_streams_decode_by_the_Responses_rules(string file) =>
        Check("openai-responses", file, Oracles.Responses, Decoded.ResponsesAsync);

    [RealStreamsTheory]
    [MemberData(nameof(GeminiStreams))]
    public Task Gemini_streams_decode_by_the_Gemini_rules(string file) =>
        Check("gemini", file, Oracles.Gemini, Decoded.GeminiAsync);

    private static async Task Check(string format, string file, Func<byte[], StreamSummary> oracle, Func<Stream, bool, Task<StreamSummary>> decode)
    {
        byte[] bytes = RealStreamFiles.Read(format, file);
        string expected = oracle(bytes).ToString();

        Assert.Equal(expected, (await decode(new MemoryStream(bytes), false)).ToString());
        Assert.Equal(expected, (await decode(new ChunkedStream(bytes, 1), false)).ToString());
        Assert.Equal(expected, (await decode(new ChunkedStream(bytes, 1, yieldOnAsyncRead: true), true)).ToString());
    }
}
