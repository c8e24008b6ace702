using System.Text;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming.Claude;

/// <summary>A Claude stream event copied out of its spans, so tests can compare whole streams.</summary>
internal sealed record ClaudeEventRecord(
    ClaudeStreamEventKind Kind, string Type, int Index, string MessageId, string Model, ClaudeStreamBlockKind BlockKind,
    string BlockType, string ToolId, string ToolName, ClaudeStreamDeltaKind DeltaKind, string Text, string Thinking,
    string Signature, string PartialJson, string Citation, string StopReason, string StopSequence, ClaudeStreamUsage? Usage)
{
    public static ClaudeEventRecord From(ClaudeStreamEvent e) => new(
        e.Kind, e.TypeString(), e.Index, S(e.MessageIdUtf8), S(e.ModelUtf8), e.BlockKind, S(e.BlockTypeUtf8), S(e.ToolIdUtf8),
        S(e.ToolNameUtf8), e.DeltaKind, e.TextString(), e.ThinkingString(), S(e.SignatureUtf8), S(e.PartialJsonUtf8),
        S(e.CitationJson), S(e.StopReasonUtf8), S(e.StopSequenceUtf8), e.Usage);

    public static List<ClaudeEventRecord> ReadAll(Stream stream)
    {
        using var claude = new ClaudeMessageStream(stream);
        var events = new List<ClaudeEventRecord>();
        while (claude.TryRead(out ClaudeStreamEvent e))
        {
            events.Add(From(e));
        }

        return events;
    }

    public static async Task<List<ClaudeEventRecord>> ReadAllAsync(Stream stream)
    {
        await using var claude = new ClaudeMessageStream(stream);
        var events = new List<ClaudeEventRecord>();
        while (await claude.MoveNextAsync())
        {
            events.Add(From(claude.Current));
        }

        return events;
    }

    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
