using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

// The streaming chat of BareHttpClientChat, written with the official OpenAI SDK.
var client = new ChatClient("gpt-4o", new ApiKeyCredential("sk-size"),
    new OpenAIClientOptions { Endpoint = new Uri((args.Length > 0 ? args[0] : "http://127.0.0.1:1") + "/v1") });
try
{
    await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync([new UserChatMessage("hi")]))
    {
        foreach (ChatMessageContentPart part in update.ContentUpdate)
        {
            Console.Write(part.Text);
        }
    }
}
catch (ClientResultException e)
{
    Console.WriteLine(e.Message);
}
