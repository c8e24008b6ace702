using System.Text;

namespace Juhe.Streaming;

/// <summary>
/// One event of a Responses API stream, as typed views over its bytes. Text is unescaped UTF-8; every
/// span is valid until the stream's next read. Properties that do not belong to the event's
/// <see cref="Kind"/> are empty (or -1, or <see langword="null"/>).
/// </summary>
public readonly ref struct ResponseStreamEvent
{
    private readonly ResponseChunkDecoder? _decoder;
    private readonly ReadOnlySpan<byte> _data;

    internal ResponseStreamEvent(ResponseChunkDecoder decoder, ReadOnlySpan<byte> data)
    {
        _decoder = decoder;
        _data = data;
    }

    /// <summary>Which event this is; <see cref="ResponseStreamEventKind.Other"/> for the many tool-progress and future types (see <see cref="TypeUtf8"/>).</summary>
    public ResponseStreamEventKind Kind => _decoder?.Kind ?? ResponseStreamEventKind.Other;

    /// <summary>The event's <c>type</c> as sent (<c>response.web_search_call.searching</c>…).</summary>
    public ReadOnlySpan<byte> TypeUtf8 => Resolve(_decoder?.Type);

    /// <summary>The event's <c>sequence_number</c>; -1 when absent (early recordings have none).</summary>
    public long SequenceNumber => _decoder?.SequenceNumber ?? -1;

    /// <summary>The event's whole JSON payload.</summary>
    public ReadOnlySpan<byte> Json => _data;

    /// <summary>The output item the event belongs to: <c>item_id</c>, or the item's own <c>id</c> for item events.</summary>
    public ReadOnlySpan<byte> ItemIdUtf8 => Resolve(_decoder?.ItemId);

    /// <summary><c>output_index</c>; -1 when absent.</summary>
    public int OutputIndex => _decoder?.OutputIndex ?? -1;

    /// <summary><c>content_index</c>; -1 when absent.</summary>
    public int ContentIndex => _decoder?.ContentIndex ?? -1;

    /// <summary><c>summary_index</c> of reasoning summary events; -1 when absent.</summary>
    public int SummaryIndex => _decoder?.SummaryIndex ?? -1;

    /// <summary><c>annotation_index</c> of an annotation event; -1 when absent.</summary>
    public int AnnotationIndex => _decoder?.AnnotationIndex ?? -1;

    /// <summary>Any <c>*.delta</c> event's <c>delta</c> text, unescaped UTF-8: output text, reasoning, arguments or refusal to append.</summary>
    public ReadOnlySpan<byte> DeltaUtf8 => Resolve(_decoder?.Delta);

    /// <summary><c>response.output_text.done</c> (and other <c>*.done</c> events with one): the whole <c>text</c>.</summary>
    public ReadOnlySpan<byte> TextUtf8 => Resolve(_decoder?.Text);

    /// <summary><c>response.function_call_arguments.done</c>: the whole <c>arguments</c> JSON text.</summary>
    public ReadOnlySpan<byte> ArgumentsUtf8 => Resolve(_decoder?.Arguments);

    /// <summary><c>output_item.added</c>/<c>.done</c>: the whole <c>item</c> object's JSON.</summary>
    public ReadOnlySpan<byte> ItemJson => Resolve(_decoder?.Item);

    /// <summary><c>output_item.added</c>/<c>.done</c>: the item's <c>type</c> (<c>message</c>, <c>reasoning</c>, <c>function_call</c>, <c>web_search_call</c>…).</summary>
    public ReadOnlySpan<byte> ItemTypeUtf8 => Resolve(_decoder?.ItemType);

    /// <summary>A function call item's <c>name</c>.</summary>
    public ReadOnlySpan<byte> FunctionNameUtf8 => Resolve(_decoder?.ItemName);

    /// <summary>A function call item's <c>call_id</c>, which the function's output must name.</summary>
    public ReadOnlySpan<byte> CallIdUtf8 => Resolve(_decoder?.ItemCallId);

    /// <summary><c>content_part.added</c>/<c>.done</c> and reasoning summary part events: the <c>part</c> object's JSON.</summary>
    public ReadOnlySpan<byte> PartJson => Resolve(_decoder?.Part);

    /// <summary><c>output_text.annotation.added</c>: the <c>annotation</c> object's JSON (<c>url_citation</c>, <c>file_citation</c>…).</summary>
    public ReadOnlySpan<byte> AnnotationJson => Resolve(_decoder?.Annotation);

    /// <summary>Lifecycle events (created, queued, in progress, completed, incomplete): the whole <c>response</c> object's JSON.</summary>
    public ReadOnlySpan<byte> ResponseJson => Resolve(_decoder?.Response);

    /// <summary>Lifecycle events: the response id (<c>resp_…</c>).</summary>
    public ReadOnlySpan<byte> ResponseIdUtf8 => Resolve(_decoder?.ResponseId);

    /// <summary>Lifecycle events: the response's <c>status</c> (<c>in_progress</c>, <c>queued</c>, <c>completed</c>, <c>incomplete</c>).</summary>
    public ReadOnlySpan<byte> StatusUtf8 => Resolve(_decoder?.Status);

    /// <summary>Lifecycle events: the model.</summary>
    public ReadOnlySpan<byte> ModelUtf8 => Resolve(_decoder?.Model);

    /// <summary><c>response.incomplete</c>: <c>incomplete_details.reason</c> (<c>max_output_tokens</c>, <c>content_filter</c>).</summary>
    public ReadOnlySpan<byte> IncompleteReasonUtf8 => Resolve(_decoder?.IncompleteReason);

    /// <summary>Lifecycle events with a usage (completed, incomplete): the response's token counts.</summary>
    public ResponseStreamUsage? Usage => _decoder?.Usage;

    /// <summary>Allocates a string of <see cref="DeltaUtf8"/>.</summary>
    public string DeltaString() => Encoding.UTF8.GetString(DeltaUtf8);

    /// <summary>Allocates a string of <see cref="TypeUtf8"/>.</summary>
    public string TypeString() => Encoding.UTF8.GetString(TypeUtf8);

    /// <summary>Allocates a string of <see cref="TextUtf8"/>.</summary>
    public string TextString() => Encoding.UTF8.GetString(TextUtf8);

    private ReadOnlySpan<byte> Resolve(Utf8Segment? segment) => _decoder is null || segment is null ? default : _decoder.Resolve(_data, segment.Value);
}
