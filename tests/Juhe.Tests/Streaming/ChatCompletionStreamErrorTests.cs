using System.Net;
using System.Text;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming;

public class ChatCompletionStreamErrorTests
{
    [Fact]
    public void An_error_payload_mid_stream_raises_the_gateway_error_after_the_chunks_before_it()
    {
        using var chat = new ChatCompletionStream(ChatDelta.Sse(
            """{"choices":[{"index":0,"delta":{"content":"partial"}}]}""",
            """{"error":{"message":"upstream overloaded (request id: 2025041112)","type":"upstream_error","code":"bad_response_status_code"}}""",
            "[DONE]"));

        Assert.True(chat.TryRead(out ChatCompletionChunk first));
        Assert.Equal("partial", first.ContentString());
        var error = Assert.Throws<JuheApiException>(() => chat.TryRead(out _));
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("upstream_error", error.ErrorType);
        Assert.Equal("bad_response_status_code", error.ErrorCode);
        Assert.Contains("upstream overloaded", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_event_raises_the_gateway_error()
    {
        var bytes = Encoding.UTF8.GetBytes("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
        using var chat = new ChatCompletionStream(new MemoryStream(bytes));

        var error = Assert.Throws<JuheApiException>(() => chat.TryRead(out _));
        Assert.Equal("overloaded_error", error.ErrorType);
        Assert.Equal("Overloaded", error.ErrorMessage);
    }

    [Fact]
    public async Task A_stream_that_ends_without_DONE_is_reported_truncated_after_its_chunks()
    {
        byte[] whole = ChatStreamSamples.Build(5);
        byte[] cut = whole[..Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(whole).Split("data: [DONE]")[0])];
        await using var chat = new ChatCompletionStream(new MemoryStream(cut));

        var text = new StringBuilder();
        var error = await Assert.ThrowsAsync<JuheApiException>(async () =>
        {
            while (await chat.MoveNextAsync())
            {
                text.Append(chat.Current.ContentString());
            }
        });

        Assert.Equal(ChatStreamSamples.ExpectedText(5), text.ToString());
        Assert.Contains("[DONE]", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("8 chunk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_cut_inside_a_chunk_is_reported_truncated()
    {
        using var chat = new ChatCompletionStream(new MemoryStream(Encoding.UTF8.GetBytes("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\ndata: {\"choi")));

        Assert.True(chat.TryRead(out _));
        var error = Assert.Throws<JuheApiException>(() => chat.TryRead(out _));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]")]
    public void A_malformed_chunk_says_what_it_was(string payload)
    {
        using var chat = new ChatCompletionStream(ChatDelta.Sse(payload, "[DONE]"));

        var error = Assert.Throws<JuheApiException>(() => chat.TryRead(out _));
        Assert.Contains("not a valid chat.completion.chunk", error.Message, StringComparison.Ordinal);
        Assert.Contains(payload[..Math.Min(payload.Length, 8)], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_wait_for_the_next_chunk_throws_OperationCanceledException()
    {
        var pipe = new System.IO.Pipelines.Pipe();
        await using var chat = new ChatCompletionStream(pipe.Reader.AsStream());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await chat.MoveNextAsync(cancel.Token));
    }
}
