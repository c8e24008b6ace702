using System.Text;
using Juhe.Chat;
using Juhe.Http;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming;

public class CompletionStreamTests
{
    private static MemoryStream Stream(params string[] payloads) => ChatDelta.Sse(payloads);

    [Fact]
    public async Task Text_chunks_decode_to_the_unescaped_text_with_finish_reason_and_usage()
    {
        await using var completion = new CompletionStream(Stream(
            """{"id":"cmpl-1","object":"text_completion","created":1735000000,"model":"gpt-3.5-turbo-instruct","choices":[{"text":"\n\nThis","index":0,"logprobs":null,"finish_reason":null}]}""",
            """{"id":"cmpl-1","object":"text_completion","created":1735000000,"model":"gpt-3.5-turbo-instruct","choices":[{"text":" is \"a\" tést","index":0,"logprobs":null,"finish_reason":null}]}""",
            """{"id":"cmpl-1","object":"text_completion","created":1735000000,"model":"gpt-3.5-turbo-instruct","choices":[{"text":".","index":0,"logprobs":null,"finish_reason":"length"}]}""",
            """{"id":"cmpl-1","object":"text_completion","created":1735000000,"model":"gpt-3.5-turbo-instruct","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}""",
            "[DONE]"));

        var text = new StringBuilder();
        var finishes = new List<ChatFinishReason?>();
        while (await completion.MoveNextAsync())
        {
            text.Append(completion.Current.TextString());
            finishes.Add(completion.Current.FinishReason);
            Assert.Equal(completion.Current.HasChoice ? "cmpl-1" : "cmpl-1", completion.Current.IdString());
        }

        Assert.Equal("\n\nThis is \"a\" tést.", text.ToString());
        Assert.Equal([null, null, ChatFinishReason.Length, null], finishes);
        Assert.Equal(new ChatStreamUsage(5, 3, 8), completion.Usage);
        Assert.True(completion.IsCompleted);
    }

    [Fact]
    public void A_completion_stream_that_ends_without_DONE_is_reported_truncated()
    {
        using var completion = new CompletionStream(Stream("""{"choices":[{"text":"x","index":0}]}"""));

        Assert.True(completion.TryRead(out CompletionChunk chunk));
        Assert.Equal("x", chunk.TextString());
        var error = Assert.Throws<JuheApiException>(() => completion.TryRead(out _));
        Assert.Contains("completion stream ended after 1 chunk(s) without its [DONE] marker", error.Message, StringComparison.Ordinal);
    }
}
