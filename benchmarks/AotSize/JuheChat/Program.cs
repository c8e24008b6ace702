using Juhe.Chat;
using Juhe.Http;
using Juhe.Streaming;

// The streaming chat of BareHttpClientChat, written with Juhe.
using var client = new JuheClient(new JuheClientOptions { BaseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:1"), ApiKey = "sk-size", MaxRetries = 0 });
try
{
    ChatCompletionRequest request = ChatCompletionRequest
        .CreateBuilder("gpt-4o", [new ChatMessage { Role = ChatRole.User, Content = "hi" }])
        .Build();
    await using ChatCompletionStream chat = await client.Chat.StreamAsync(request);
    while (await chat.MoveNextAsync())
    {
        Console.Write(chat.Current.ContentString());
    }
}
catch (HttpRequestException e)
{
    Console.WriteLine(e.Message);
}
