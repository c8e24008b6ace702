using System.Collections.Generic;

namespace Juhe.Generators.Model;

/// <summary>
/// Which runtime type decodes each <c>x-juhe-stream</c> kind. A kind without a decoder here (such as
/// <c>sse</c>) is handed out as a plain <c>Juhe.Sse.SseReader</c>.
/// </summary>
internal static class StreamDecoders
{
    private static readonly Dictionary<string, string> ByKind = new()
    {
        ["chat-completions"] = "Juhe.Streaming.ChatCompletionStream",
        ["completions"] = "Juhe.Streaming.CompletionStream",
    };

    /// <summary>Every decoder type's metadata name, to look up in the compilation.</summary>
    public static IEnumerable<string> All => ByKind.Values;

    public static bool TryGet(string kind, out string typeName) => ByKind.TryGetValue(kind, out typeName!);
}
