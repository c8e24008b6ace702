using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

/// <summary>
/// Which runtime type decodes each <see cref="StreamKind"/>. A kind without a decoder here (such as
/// <see cref="StreamKind.Sse"/>) is handed out as a plain <c>Juhe.Sse.SseReader</c>.
/// </summary>
internal static class StreamDecoders
{
    private const string ChatCompletionStream = "Juhe.Streaming.ChatCompletionStream";
    private const string CompletionStream = "Juhe.Streaming.CompletionStream";
    private const string ClaudeMessageStream = "Juhe.Streaming.ClaudeMessageStream";
    private const string GeminiStream = "Juhe.Streaming.GeminiStream";
    private const string ResponseStream = "Juhe.Streaming.ResponseStream";

    /// <summary>Every decoder type's metadata name, to look up in the compilation.</summary>
    public static string[] All { get; } = [ChatCompletionStream, CompletionStream, ClaudeMessageStream, GeminiStream, ResponseStream];

    public static bool TryGet(StreamKind kind, out string typeName)
    {
        typeName = kind switch
        {
            StreamKind.ChatCompletions => ChatCompletionStream,
            StreamKind.Completions => CompletionStream,
            StreamKind.Claude => ClaudeMessageStream,
            StreamKind.Gemini => GeminiStream,
            StreamKind.Responses => ResponseStream,
            StreamKind.Sse => string.Empty,
        };
        return typeName.Length > 0;
    }
}
