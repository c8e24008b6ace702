// The NativeAOT smoke program: exercises the library's hot paths in a trimmed, AOT-compiled
// binary. CI publishes it with every trim/AOT warning as an error and runs it.
using System.Text;
using Juhe.Samples;
using Juhe.Sse;
using Juhe.Streaming;

byte[] framed = Encoding.UTF8.GetBytes("event: greeting\ndata: hello\ndata: world\n\n");
await using (var reader = new SseReader(new MemoryStream(framed)))
{
    if (!await reader.MoveNextAsync() || reader.Current.DataString() != "hello\nworld" || reader.Current.EventTypeString() != "greeting")
    {
        return Fail("SseReader did not read the event");
    }
}

var text = new StringBuilder();
await using (var chat = new ChatCompletionStream(new MemoryStream(ChatStreamSamples.Build(200))))
{
    while (await chat.MoveNextAsync())
    {
        text.Append(chat.Current.ContentString());
    }

    if (text.ToString() != ChatStreamSamples.ExpectedText(200) || chat.Usage?.CompletionTokens != 200)
    {
        return Fail("ChatCompletionStream decoded the wrong text or usage");
    }
}

Console.WriteLine($"AOT smoke: ok (SseReader, ChatCompletionStream: {text.Length} chars)");
return 0;

static int Fail(string why)
{
    Console.Error.WriteLine("AOT smoke failed: " + why);
    return 1;
}
