using Juhe.Gateway.Catalog;
using Juhe.Gateway.Synthesis;

namespace Juhe.Gateway.Streaming;

/// <summary>The writer for each <c>x-juhe-stream</c> kind; unknown kinds get <see cref="SchemaEventsFormat"/>.</summary>
internal static class StreamFormats
{
    private static readonly ChatCompletionsFormat Chat = new();
    private static readonly CompletionsFormat Completions = new();
    private static readonly ClaudeFormat Claude = new();
    private static readonly GeminiFormat Gemini = new();
    private static readonly ResponsesFormat Responses = new();

    public static StreamFormat For(string kind, ResponseSynthesizer synthesizer, SchemaNode? eventSchema) => kind switch
    {
        "chat-completions" or "chat" => Chat,
        "completions" => Completions,
        "claude" or "anthropic" or "claude-messages" => Claude,
        "gemini" => Gemini,
        "responses" or "openai-responses" => Responses,
        _ => new SchemaEventsFormat(synthesizer, eventSchema),
    };
}
