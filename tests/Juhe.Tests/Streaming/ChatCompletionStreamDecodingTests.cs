using System.Text;
using Juhe.Chat;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Support;

namespace Juhe.Tests.Streaming;

public class ChatCompletionStreamDecodingTests
{
    [Fact]
    public void Content_tokens_decode_to_the_unescaped_text_including_escapes_and_CJK()
    {
        List<ChatDelta> items = ChatDelta.ReadAll(new MemoryStream(ChatStreamSamples.Build(100)));

        Assert.Equal(ChatStreamSamples.ExpectedText(100), string.Concat(items.Select(i => i.Content)));
        Assert.Equal("assistant", items[0].Role);
        Assert.All(items.Where(i => i.ChoiceIndex == 0), i => Assert.Equal("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", i.Id));
        Assert.All(items.Where(i => i.ChoiceIndex == 0), i => Assert.Equal("gpt-4o-2024-08-06", i.Model));
    }

    [Fact]
    public void Reasoning_tokens_sent_twice_as_reasoning_content_and_reasoning_are_read_once()
    {
        List<ChatDelta> items = ChatDelta.ReadAll(new MemoryStream(ChatStreamSamples.BuildReasoning(100)));

        Assert.Equal(ChatStreamSamples.ExpectedText(100), string.Concat(items.Select(i => i.Reasoning)));
        Assert.Equal("", string.Concat(items.Select(i => i.Content)));
    }

    [Fact]
    public void The_finish_chunk_carries_the_finish_reason_and_the_usage_chunk_has_no_choice()
    {
        using var chat = new ChatCompletionStream(new MemoryStream(ChatStreamSamples.Build(3)));
        var finishes = new List<ChatFinishReason?>();
        ChatStreamUsage? usage = null;
        int usageItems = 0;
        while (chat.TryRead(out ChatCompletionChunk chunk))
        {
            finishes.Add(chunk.FinishReason);
            if (!chunk.HasChoice)
            {
                usageItems++;
                usage = chunk.Usage;
                Assert.Equal(-1, chunk.ChoiceIndex);
                Assert.True(chunk.ContentUtf8.IsEmpty);
            }
        }

        Assert.Equal([null, null, null, null, ChatFinishReason.Stop, null], finishes);
        Assert.Equal(1, usageItems);
        Assert.Equal(new ChatStreamUsage(19, 3, 22, 0, 0), usage);
        Assert.Equal(usage, chat.Usage);
        Assert.True(chat.IsCompleted);
        Assert.Equal(6, chat.ChunkCount);
    }

    [Fact]
    public void The_catalogue_example_yields_reasoning_once_tool_call_fragments_and_usage()
    {
        MemoryStream stream = ChatDelta.Sse(
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"reasoning_content":"Check units.","reasoning":"Check units."},"finish_reason":null}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris\"}"}}]},"finish_reason":null}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""",
            """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[],"usage":{"prompt_tokens":52,"completion_tokens":31,"total_tokens":83,"completion_tokens_details":{"reasoning_tokens":12}}}""",
            "[DONE]");

        List<ChatDelta> items = ChatDelta.ReadAll(stream);

        Assert.Equal(6, items.Count);
        Assert.Equal("Check units.", items[1].Reasoning);
        Assert.Equal("", items[1].Content);
        Assert.Equal("[0|call_1|function|get_weather|]", items[2].ToolCalls);
        Assert.Equal("[0||||{\"city\":\"Paris\"}]", items[3].ToolCalls);
        Assert.Equal("tool_calls", items[4].FinishReason);
        Assert.Equal(new ChatStreamUsage(52, 31, 83, 0, 12), items[5].Usage);
    }

    [Fact]
    public void A_finish_reason_this_version_does_not_know_is_kept_as_sent()
    {
        using var chat = new ChatCompletionStream(ChatDelta.Sse(
            """{"choices":[{"index":0,"delta":{},"finish_reason":"pause_turn"}]}""", "[DONE]"));

        Assert.True(chat.TryRead(out ChatCompletionChunk chunk));
        Assert.Equal(new ChatFinishReason("pause_turn"), chunk.FinishReason);
    }

    [Fact]
    public void Reasoning_sent_only_as_reasoning_is_read_from_there()
    {
        List<ChatDelta> items = ChatDelta.ReadAll(ChatDelta.Sse(
            """{"id":"c","choices":[{"index":0,"delta":{"reasoning":"think"}}]}""",
            "[DONE]"));

        Assert.Equal("think", Assert.Single(items).Reasoning);
    }

    [Fact]
    public void Choices_of_an_n_greater_than_one_request_come_as_separate_items_with_their_index()
    {
        List<ChatDelta> items = ChatDelta.ReadAll(ChatDelta.Sse(
            """{"id":"c","choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b"}}]}""",
            """{"id":"c","choices":[{"index":1,"delta":{"content":"c"}}]}""",
            """{"id":"c","choices":[{"index":0,"delta":{"content":"d"},"finish_reason":"length"}]}""",
            "[DONE]"));

        Assert.Equal([(0, "a"), (1, "b"), (1, "c"), (0, "d")], items.Select(i => (i.ChoiceIndex, i.Content)));
        Assert.Equal("length", items[3].FinishReason);
    }

    [Fact]
    public void Several_tool_calls_in_one_delta_are_listed_in_order()
    {
        List<ChatDelta> items = ChatDelta.ReadAll(ChatDelta.Sse(
            """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"{}"}},{"index":1,"id":"b","function":{"name":"g","arguments":"{\"x\":1}"}}]}}]}""",
            "[DONE]"));

        Assert.Equal("[0|a||f|{}][1|b||g|{\"x\":1}]", Assert.Single(items).ToolCalls);
    }

    [Fact]
    public void Keep_alive_comments_unknown_events_and_empty_data_are_ignored()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(
            ": PING\n\nevent: ping\ndata: {}\n\ndata: \n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n: PING\n\ndata: [DONE]\n\n"));

        Assert.Equal("x", Assert.Single(ChatDelta.ReadAll(stream)).Content);
    }

    [Fact]
    public void Nothing_is_read_after_the_DONE_marker()
    {
        List<ChatDelta> items = ChatDelta.ReadAll(ChatDelta.Sse(
            """{"choices":[{"index":0,"delta":{"content":"x"}}]}""", "[DONE]", "not json at all"));

        Assert.Single(items);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(251)]
    public async Task Any_split_of_the_bytes_into_reads_yields_the_same_items(int maxRead)
    {
        byte[] bytes = ChatStreamSamples.Build(40);
        List<ChatDelta> whole = ChatDelta.ReadAll(new MemoryStream(bytes));

        Assert.Equal(whole, ChatDelta.ReadAll(new ChunkedStream(bytes, maxRead)));
        Assert.Equal(whole, await ChatDelta.ReadAllAsync(new ChunkedStream(bytes, maxRead)));
    }

    [Fact]
    public void CRLF_line_ends_as_Google_sends_them_decode_the_same()
    {
        Assert.Equal(
            ChatDelta.ReadAll(new MemoryStream(ChatStreamSamples.Build(20))),
            ChatDelta.ReadAll(new MemoryStream(ChatStreamSamples.Build(20, "\r\n"))));
    }

    [Fact]
    public void Current_before_any_read_says_how_to_use_it()
    {
        using var chat = new ChatCompletionStream(new MemoryStream());

        var error = Assert.Throws<InvalidOperationException>(() => chat.Current.ContentString());
        Assert.Contains("MoveNextAsync", error.Message, StringComparison.Ordinal);
    }
}
