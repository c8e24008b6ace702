using System.Text;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming;

/// <summary>A chat stream item copied out of its spans, so tests can compare whole streams.</summary>
internal sealed record ChatDelta(
    int ChoiceIndex, string Id, string Model, string Role, string Content, string Reasoning, string Refusal,
    string FinishReason, string ToolCalls, ChatStreamUsage? Usage)
{
    public static ChatDelta From(ChatCompletionChunk chunk)
    {
        var tools = new StringBuilder();
        foreach (ChatToolCallFragment call in chunk.ToolCalls)
        {
            tools.Append('[').Append(call.Index).Append('|').Append(call.IdString()).Append('|')
                .Append(Encoding.UTF8.GetString(call.TypeUtf8)).Append('|').Append(call.NameString()).Append('|')
                .Append(call.ArgumentsString()).Append(']');
        }

        return new ChatDelta(
            chunk.ChoiceIndex, chunk.IdString(), chunk.ModelString(), Encoding.UTF8.GetString(chunk.RoleUtf8),
            chunk.ContentString(), chunk.ReasoningString(), Encoding.UTF8.GetString(chunk.RefusalUtf8),
            Encoding.UTF8.GetString(chunk.FinishReasonUtf8), tools.ToString(), chunk.Usage);
    }

    public static List<ChatDelta> ReadAll(Stream stream)
    {
        using var chat = new ChatCompletionStream(stream);
        var items = new List<ChatDelta>();
        while (chat.TryRead(out ChatCompletionChunk chunk))
        {
            items.Add(From(chunk));
        }

        return items;
    }

    public static async Task<List<ChatDelta>> ReadAllAsync(Stream stream)
    {
        await using var chat = new ChatCompletionStream(stream);
        var items = new List<ChatDelta>();
        while (await chat.MoveNextAsync())
        {
            items.Add(From(chat.Current));
        }

        return items;
    }

    public static MemoryStream Sse(params string[] payloads) =>
        new(Encoding.UTF8.GetBytes(string.Concat(payloads.Select(p => "data: " + p + "\n\n"))));
}
