using System.Text;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming.Responses;

/// <summary>A Responses stream event copied out of its spans, so tests can compare whole streams.</summary>
internal sealed record ResponseEventRecord(
    ResponseStreamEventKind Kind, string Type, long Sequence, string ItemId, int OutputIndex, int ContentIndex, int SummaryIndex,
    string Delta, string Text, string Arguments, string ItemType, string FunctionName, string CallId, string Part, string Annotation,
    string ResponseId, string Status, string IncompleteReason, ResponseStreamUsage? Usage)
{
    public static ResponseEventRecord From(ResponseStreamEvent e) => new(
        e.Kind, e.TypeString(), e.SequenceNumber, S(e.ItemIdUtf8), e.OutputIndex, e.ContentIndex, e.SummaryIndex, e.DeltaString(),
        e.TextString(), S(e.ArgumentsUtf8), S(e.ItemTypeUtf8), S(e.FunctionNameUtf8), S(e.CallIdUtf8), S(e.PartJson), S(e.AnnotationJson),
        S(e.ResponseIdUtf8), S(e.StatusUtf8), S(e.IncompleteReasonUtf8), e.Usage);

    public static List<ResponseEventRecord> ReadAll(Stream stream)
    {
        using var responses = new ResponseStream(stream);
        var events = new List<ResponseEventRecord>();
        while (responses.TryRead(out ResponseStreamEvent e))
        {
            events.Add(From(e));
        }

        return events;
    }

    public static async Task<List<ResponseEventRecord>> ReadAllAsync(Stream stream)
    {
        await using var responses = new ResponseStream(stream);
        var events = new List<ResponseEventRecord>();
        while (await responses.MoveNextAsync())
        {
            events.Add(From(responses.Current));
        }

        return events;
    }

    public static MemoryStream Sse(params string[] payloads)
    {
        var sse = new StringBuilder();
        foreach (string payload in payloads)
        {
            int type = payload.IndexOf("\"type\":\"", StringComparison.Ordinal) + 8;
            sse.Append("event: ").Append(payload[type..payload.IndexOf('"', type)]).Append("\ndata: ").Append(payload).Append("\n\n");
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(sse.ToString()));
    }

    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
