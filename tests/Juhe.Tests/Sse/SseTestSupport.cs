using System.Text;
using Juhe.Sse;

namespace Juhe.Tests.Sse;

/// <summary>One dispatched event copied out of the reader, with the reader's reconnection interval at that moment.</summary>
internal sealed record SseRecord(string Type, string Data, string Id, TimeSpan? Retry)
{
    public static SseRecord From(SseEvent e, TimeSpan? retry) =>
        new(e.EventTypeString(), e.DataString(), e.LastEventIdString(), retry);

    public override string ToString() => $"[{Escape(Type)}|{Escape(Data)}|{Escape(Id)}|{Retry?.TotalMilliseconds}]";

    private static string Escape(string s) => s.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

internal static class SseRun
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static List<SseRecord> ReadAll(Stream stream, SseReaderOptions? options = null)
    {
        var events = new List<SseRecord>();
        using var reader = new SseReader(stream, options);
        while (reader.TryRead(out SseEvent e))
        {
            events.Add(SseRecord.From(e, reader.ReconnectionInterval));
        }

        return events;
    }

    public static List<SseRecord> ReadAll(string text, SseReaderOptions? options = null) =>
        ReadAll(new MemoryStream(Utf8(text)), options);

    public static List<SseRecord> ReadAll(byte[] bytes, SseReaderOptions? options = null) =>
        ReadAll(new MemoryStream(bytes), options);

    public static async Task<List<SseRecord>> ReadAllAsync(Stream stream, SseReaderOptions? options = null)
    {
        var events = new List<SseRecord>();
        await using var reader = new SseReader(stream, options);
        while (await reader.MoveNextAsync())
        {
            events.Add(SseRecord.From(reader.Current, reader.ReconnectionInterval));
        }

        return events;
    }

    /// <summary>The single event of <paramref name="text"/>; fails when there is not exactly one.</summary>
    public static SseRecord Single(string text) => Assert.Single(ReadAll(text));
}
