using System.Text;
using Juhe.Http;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming;

/// <summary>What real chat streams do beyond the documented shape (see ../shared/realstreams/README.md).</summary>
public class ChatStreamQuirksTests
{
    [Fact]
    public void Mistral_typed_content_parts_are_text_as_content_and_thinking_as_reasoning()
    {
        List<ChatDelta> items = ChatDelta.ReadAll(ChatDelta.Sse(
            """{"choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":"Okay"}]}]}}]}""",
            """{"choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":", the"}]}]}}]}""",
            """{"choices":[{"index":0,"delta":{"content":[{"type":"text","text":"Hi"},{"type":"text","text":" there"}]}}]}""",
            """{"choices":[{"index":0,"delta":{"content":"!"},"finish_reason":"stop"}]}""",
            "[DONE]"));

        Assert.Equal(["Okay", ", the", "", ""], items.Select(i => i.Reasoning));
        Assert.Equal(["", "", "Hi there", "!"], items.Select(i => i.Content));
    }

    [Fact]
    public void Obfuscation_padding_does_not_stop_the_template_shortcut()
    {
        using var decoder = new ChatChunkDecoder();
        string[] tokens = ["Hel", "lo", " wor", "ld"];
        var text = new StringBuilder();
        for (int i = 0; i < tokens.Length; i++)
        {
            byte[] data = Encoding.UTF8.GetBytes("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + tokens[i] + "\"},\"finish_reason\":null}],\"obfuscation\":\"" + new string('x', i + 1) + "\"}");
            decoder.Decode(data);
            text.Append(new ChatCompletionChunk(decoder, data, 0).ContentString());
        }

        Assert.Equal("Hello world", text.ToString());
        Assert.Equal(tokens.Length - 1, decoder.ShortcutCount);
    }

    [Fact]
    public void New_apis_relay_stream_error_chunk_raises_the_gateway_error()
    {
        using var chat = new ChatCompletionStream(ChatDelta.Sse(
            """{"choices":[{"index":0,"delta":{"content":"par"}}]}""",
            """{"id":"relay-error-timeout","object":"chat.completion.chunk","choices":[],"error":{"message":"stream relay failure: timeout: upstream idle","type":"relay_stream_error","code":"upstream_stream_failure_timeout","param":null}}""",
            "[DONE]"));

        Assert.True(chat.TryRead(out _));
        var error = Assert.Throws<JuheApiException>(() => chat.TryRead(out _));
        Assert.Equal(JuheErrorKind.Gateway, error.Kind);
        Assert.Equal("relay_stream_error", error.ErrorType);
        Assert.Equal("upstream_stream_failure_timeout", error.ErrorCode);
    }

    [Fact]
    public void A_stream_that_reached_DONE_without_a_finish_reason_says_so()
    {
        using var chat = new ChatCompletionStream(ChatDelta.Sse(
            """{"id":"","created":0,"choices":[{"index":0,"delta":{"content":"Hi","refusal":"","tool_calls":null}}]}""",
            "[DONE]"));
        while (chat.TryRead(out _))
        {
            Assert.False(chat.EndedWithoutFinishReason, "not known before the end");
        }

        Assert.True(chat.IsCompleted);
        Assert.True(chat.EndedWithoutFinishReason);
    }

    [Fact]
    public void A_stream_with_a_finish_reason_did_not_end_without_one()
    {
        using var chat = new ChatCompletionStream(ChatDelta.Sse(
            """{"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":"stop"}]}""",
            "[DONE]"));
        while (chat.TryRead(out _))
        {
        }

        Assert.False(chat.EndedWithoutFinishReason);
    }

    [Theory]
    [InlineData("data: [DONE]")]
    [InlineData("data: [DONE]\n")]
    [InlineData("data: [DONE]\r\n")]
    public void A_last_event_without_its_blank_line_still_counts(string end)
    {
        using var chat = new ChatCompletionStream(new MemoryStream(Encoding.UTF8.GetBytes(
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n" + end)));
        while (chat.TryRead(out _))
        {
        }

        Assert.True(chat.IsCompleted);
    }

    [Fact]
    public void A_chunk_cut_off_by_the_end_of_the_bytes_is_truncated_not_malformed()
    {
        using var chat = new ChatCompletionStream(new MemoryStream(Encoding.UTF8.GetBytes(
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: {\"choices\":[{\"ind")));

        Assert.True(chat.TryRead(out _));
        var error = Assert.Throws<JuheApiException>(() => chat.TryRead(out _));
        Assert.Equal(JuheErrorKind.Truncated, error.Kind);
        Assert.IsType<JuheApiException>(error.InnerException);
    }
}
