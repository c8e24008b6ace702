using System.Text;

namespace Juhe.Sse;

/// <summary>
/// One dispatched server-sent event. Its spans point into the reader's pooled buffers and are valid
/// only until the next read from the same <see cref="SseReader"/>.
/// </summary>
public readonly ref struct SseEvent
{
    private static ReadOnlySpan<byte> DefaultType => "message"u8;

    private readonly ReadOnlySpan<byte> _eventType;

    internal SseEvent(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data, ReadOnlySpan<byte> lastEventId)
    {
        _eventType = eventType;
        Data = data;
        LastEventId = lastEventId;
    }

    /// <summary>The event type in UTF-8: the last <c>event:</c> field, or <c>message</c> when the event named none.</summary>
    public ReadOnlySpan<byte> EventType => _eventType.IsEmpty ? DefaultType : _eventType;

    /// <summary>The event data in UTF-8: every <c>data:</c> line of the event joined with LF.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The last event id in UTF-8 at the time of dispatch (it persists across events); empty when none was set.</summary>
    public ReadOnlySpan<byte> LastEventId { get; }

    /// <summary>Whether <see cref="EventType"/> equals <paramref name="type"/> (UTF-8), without allocating.</summary>
    public bool IsType(ReadOnlySpan<byte> type) => EventType.SequenceEqual(type);

    /// <summary>Allocates a string of <see cref="EventType"/>.</summary>
    public string EventTypeString() => Encoding.UTF8.GetString(EventType);

    /// <summary>Allocates a string of <see cref="Data"/>.</summary>
    public string DataString() => Encoding.UTF8.GetString(Data);

    /// <summary>Allocates a string of <see cref="LastEventId"/>.</summary>
    public string LastEventIdString() => Encoding.UTF8.GetString(LastEventId);
}
