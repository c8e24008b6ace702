using System.Text;
using Juhe.Chat;

namespace Juhe.Streaming;

/// <summary>
/// Maps a chunk's raw <c>finish_reason</c> to the same <see cref="ChatFinishReason"/> values the
/// non-streaming responses use, without allocating for the values the schema knows.
/// </summary>
internal static class FinishReasons
{
    public static ChatFinishReason? Parse(ReadOnlySpan<byte> raw) =>
        raw.IsEmpty ? (ChatFinishReason?)null
        : raw.SequenceEqual("stop"u8) ? ChatFinishReason.Stop
        : raw.SequenceEqual("length"u8) ? ChatFinishReason.Length
        : raw.SequenceEqual("tool_calls"u8) ? ChatFinishReason.ToolCalls
        : raw.SequenceEqual("content_filter"u8) ? ChatFinishReason.ContentFilter
        : raw.SequenceEqual("function_call"u8) ? ChatFinishReason.FunctionCall
        : new ChatFinishReason(Encoding.UTF8.GetString(raw)); // a value this version does not know: kept as sent
}
