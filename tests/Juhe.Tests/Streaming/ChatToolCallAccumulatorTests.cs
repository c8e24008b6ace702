using System.Text;
using Juhe.Chat;
using Juhe.Streaming;
using Juhe.Tests.Support;

namespace Juhe.Tests.Streaming;

[Collection(AllocationMeasurements.Name)]
public class ChatToolCallAccumulatorTests
{
    private static string Chunk(string toolCalls, int choice = 0) =>
        "{\"id\":\"c\",\"choices\":[{\"index\":" + choice + ",\"delta\":{\"tool_calls\":" + toolCalls + "}}]}";

    [Fact]
    public void Fragments_of_interleaved_calls_are_assembled_by_index_into_the_calls_to_send_back()
    {
        using var chat = new ChatCompletionStream(ChatDelta.Sse(
            Chunk("""[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]"""),
            Chunk("""[{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{\"tz\":"}}]"""),
            Chunk("""[{"index":0,"function":{"arguments":"{\"city\":"}}]"""),
            Chunk("""[{"index":1,"function":{"arguments":"\"Asia/Shanghai\"}"}}]"""),
            Chunk("""[{"index":0,"function":{"arguments":"\"巴黎\"}"}}]"""),
            Chunk("""[{"index":0,"function":{"arguments":"ignored: other choice"}}]""", choice: 1),
            "[DONE]"));
        using var calls = new ChatToolCallAccumulator();

        while (chat.TryRead(out ChatCompletionChunk chunk))
        {
            calls.Add(chunk);
        }

        List<ChatToolCall> toolCalls = calls.ToToolCalls();
        Assert.Equal(2, calls.Count);
        Assert.Equal(("call_a", "get_weather", "{\"city\":\"巴黎\"}"), (toolCalls[0].Id, toolCalls[0].Function.Name, toolCalls[0].Function.Arguments));
        Assert.Equal(("call_b", "get_time", "{\"tz\":\"Asia/Shanghai\"}"), (toolCalls[1].Id, toolCalls[1].Function.Name, toolCalls[1].Function.Arguments));
        Assert.Equal(ChatToolType.Function, toolCalls[0].Type);
        Assert.Equal("{\"city\":\"巴黎\"}", Encoding.UTF8.GetString(calls.GetArgumentsUtf8(0)));
    }

    [Fact]
    public void A_call_without_arguments_is_sent_back_with_an_empty_object()
    {
        using var calls = new ChatToolCallAccumulator();
        using var chat = new ChatCompletionStream(ChatDelta.Sse(
            Chunk("""[{"index":0,"id":"call_1","type":"function","function":{"name":"now","arguments":""}}]"""), "[DONE]"));
        while (chat.TryRead(out ChatCompletionChunk chunk))
        {
            calls.Add(chunk);
        }

        Assert.Equal("{}", Assert.Single(calls.ToToolCalls()).Function.Arguments);
    }

    [Fact]
    public void A_call_whose_first_fragment_never_came_says_what_is_missing()
    {
        using var calls = new ChatToolCallAccumulator();
        using var chat = new ChatCompletionStream(ChatDelta.Sse(Chunk("""[{"index":3,"function":{"arguments":"{}"}}]"""), "[DONE]"));
        while (chat.TryRead(out ChatCompletionChunk chunk))
        {
            calls.Add(chunk);
        }

        var error = Assert.Throws<InvalidOperationException>(() => calls.ToToolCalls());
        Assert.Contains("Tool call 3 of choice 0 never received its id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_argument_fragments_after_the_first_allocates_nothing()
    {
        string[] payloads = [Chunk("""[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":""}}]"""),
            .. Enumerable.Repeat(Chunk("""[{"index":0,"function":{"arguments":"{\"k\":1}"}}]"""), 2_000), "[DONE]"];
        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(payloads.Select(p => "data: " + p + "\n\n")));

        long allocated = AllocationMeasurement.LeastOf(
            () =>
            {
                using var calls = new ChatToolCallAccumulator();
                using var chat = new ChatCompletionStream(new MemoryStream(bytes));
                for (int i = 0; i < 20; i++)
                {
                    Assert.True(chat.TryRead(out ChatCompletionChunk warm));
                    calls.Add(warm);
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                while (chat.TryRead(out ChatCompletionChunk chunk))
                {
                    calls.Add(chunk);
                }

                return GC.GetAllocatedBytesForCurrentThread() - before;
            },
            expected: 0);

        Assert.Equal(0, allocated);
    }
}
