// The NativeAOT smoke program: exercises the library's hot paths in a trimmed, AOT-compiled
// binary. CI publishes it with every trim/AOT warning as an error and runs it.
using System.Text;
using Juhe.AotSmoke;
using Juhe.Chat;
using Juhe.Http;
using Juhe.Models;
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

// A chat streamed through JuheClient from a gateway stub on loopback, and a model list.
const int Tokens = 200;
string? sentBody = null;
await using var stub = new LoopbackStub((requestLine, request) =>
{
    if (requestLine.StartsWith("POST /v1/chat/completions ", StringComparison.Ordinal))
    {
        sentBody = request[(request.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return ("text/event-stream", ChatStreamSamples.Build(Tokens));
    }

    return ("application/json", Encoding.UTF8.GetBytes(
        """{"success":true,"object":"list","data":[{"id":"gpt-4o","object":"model","created":1626777600,"owned_by":"custom","supported_endpoint_types":["openai"]}]}"""));
});

using var client = new JuheClient(new JuheClientOptions { BaseUrl = stub.BaseUrl, ApiKey = "sk-smoke" });
ChatCompletionRequest chatRequest = ChatCompletionRequest
    .CreateBuilder("gpt-4o", [new ChatMessage { Role = ChatRole.User, Content = "Tell me a story." }])
    .WithTemperature(0.2)
    .Build();

var text = new StringBuilder();
await using (ChatCompletionStream chat = await client.Chat.StreamAsync(chatRequest))
{
    while (await chat.MoveNextAsync())
    {
        text.Append(chat.Current.ContentString());
    }

    if (text.ToString() != ChatStreamSamples.ExpectedText(Tokens) || chat.Usage?.CompletionTokens != Tokens)
    {
        return Fail("the chat stream decoded the wrong text or usage");
    }
}

if (sentBody is null || !sentBody.Contains("\"stream\":true", StringComparison.Ordinal) || !sentBody.Contains("\"model\":\"gpt-4o\"", StringComparison.Ordinal))
{
    return Fail("the chat request body was not what the builder made: " + sentBody);
}

ModelList models = await client.Models.ListAsync();
if (models.Data.Count != 1 || models.Data[0].Id != "gpt-4o")
{
    return Fail("the model list was not read");
}

Console.WriteLine($"AOT smoke: ok (SseReader; JuheClient over loopback: streamed {text.Length} chars, listed {models.Data.Count} model)");
return 0;

static int Fail(string why)
{
    Console.Error.WriteLine("AOT smoke failed: " + why);
    return 1;
}
