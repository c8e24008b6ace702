using Juhe.Chat;
using Juhe.Completions;

namespace Juhe.EndToEnd.Tests;

/// <summary>The requests the tests send.</summary>
internal static class Requests
{
    public static ChatCompletionRequest Chat(string model = "gpt-4o", bool includeUsage = false)
    {
        ChatCompletionRequestBuilder builder = ChatCompletionRequest.CreateBuilder(model, [new ChatMessage { Role = ChatRole.User, Content = "你好" }]);
        return includeUsage ? builder.WithStreamOptions(new ChatStreamOptions { IncludeUsage = true }).Build() : builder.Build();
    }

    public static CompletionRequest Completion(string model = "gpt-3.5-turbo-instruct", bool includeUsage = false)
    {
        CompletionRequestBuilder builder = CompletionRequest.CreateBuilder(model, "Say this is a test");
        return includeUsage ? builder.WithStreamOptions(new ChatStreamOptions { IncludeUsage = true }).Build() : builder.Build();
    }

    /// <summary>The text every gateway answer says for <paramref name="model"/> (the gateway's fixed answer).</summary>
    public static string AnswerFor(string model) => $"你好！I am Juhe's offline gateway, answering as \"{model}\".\nAsk me anything.";
}
