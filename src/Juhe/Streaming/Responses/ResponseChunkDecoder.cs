using System.Text.Json;
using Juhe.Http;

namespace Juhe.Streaming;

/// <summary>
/// Decodes the JSON of one Responses API stream event into segments, without allocating.
/// </summary>
/// <remarks>
/// Besides the delta text, the growing <c>sequence_number</c> and the random <c>obfuscation</c> are
/// template holes (<see cref="JsonChunkCore"/>), so consecutive deltas of one item take the shortcut.
/// </remarks>
internal sealed class ResponseChunkDecoder : IDisposable
{
    private const int SequenceSlot = 0;
    private const int DeltaSlot = 1;
    private const int ObfuscationSlot = 2;

    private readonly JsonChunkCore _core = new("Responses", "Responses API stream event");

    public ResponseContext Context { get => _core.Context; set => _core.Context = value; }

    public long ShortcutCount => _core.ShortcutCount;

    public long ChunkCount { get; private set; }

    /// <summary>Whether <c>response.completed</c> or <c>response.incomplete</c> has been decoded.</summary>
    public bool SawEnd { get; private set; }

    /// <summary>The usage of the final response, once it came.</summary>
    public ResponseStreamUsage? FinalUsage { get; private set; }

    // The current event.
    public ResponseStreamEventKind Kind { get; private set; }

    public Utf8Segment Type { get; private set; }

    public long SequenceNumber { get; private set; }

    public Utf8Segment ItemId { get; private set; }

    public int OutputIndex { get; private set; }

    public int ContentIndex { get; private set; }

    public int SummaryIndex { get; private set; }

    public int AnnotationIndex { get; private set; }

    public Utf8Segment Delta { get; private set; }

    public Utf8Segment Text { get; private set; }

    public Utf8Segment Arguments { get; private set; }

    public Utf8Segment Item { get; private set; }

    public Utf8Segment ItemType { get; private set; }

    public Utf8Segment ItemName { get; private set; }

    public Utf8Segment ItemCallId { get; private set; }

    public Utf8Segment Part { get; private set; }

    public Utf8Segment Annotation { get; private set; }

    public Utf8Segment Response { get; private set; }

    public Utf8Segment ResponseId { get; private set; }

    public Utf8Segment Status { get; private set; }

    public Utf8Segment Model { get; private set; }

    public Utf8Segment IncompleteReason { get; private set; }

    public ResponseStreamUsage? Usage { get; private set; }

    public ReadOnlySpan<byte> Resolve(ReadOnlySpan<byte> data, Utf8Segment segment) => _core.Resolve(data, segment);

    /// <summary>Decodes one event's data.</summary>
    /// <exception cref="JuheApiException">The event is an <c>error</c> or <c>response.failed</c>, or not a valid event.</exception>
    public void Decode(ReadOnlySpan<byte> data)
    {
        ChunkCount++;
        if (_core.TryMatchTemplate(data))
        {
            FillHoles(data);
            return;
        }

        DecodeFully(data);
    }

    public void Dispose() => _core.Dispose();

    private void FillHoles(ReadOnlySpan<byte> data)
    {
        int holes = _core.HoleCount;
        for (int i = 0; i < holes; i++)
        {
            switch (_core.HoleSlot(i))
            {
                case SequenceSlot:
                    SequenceNumber = _core.IntegerInHole(data, i);
                    break;
                case DeltaSlot:
                    Delta = _core.StringInHole(data, i);
                    break;
                default:
                    _core.StringInHole(data, i); // validated like a full parse, never read
                    break;
            }
        }
    }

    private void DecodeFully(ReadOnlySpan<byte> data)
    {
        _core.BeginFullParse();
        Type = ItemId = Delta = Text = Arguments = Item = ItemType = ItemName = ItemCallId = Part = Annotation = Utf8Segment.Absent;
        Response = ResponseId = Status = Model = IncompleteReason = Utf8Segment.Absent;
        SequenceNumber = OutputIndex = ContentIndex = SummaryIndex = AnnotationIndex = -1;
        Usage = null;
        Utf8Segment error = Utf8Segment.Absent;
        var reader = new Utf8JsonReader(data);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw _core.Malformed("an event must be a JSON object", data);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    Type = _core.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("sequence_number"u8))
                {
                    reader.Read();
                    SequenceNumber = _core.ReadInteger(ref reader, SequenceSlot);
                }
                else if (reader.ValueTextEquals("delta"u8))
                {
                    reader.Read();
                    Delta = _core.ReadString(ref reader, DeltaSlot);
                }
                else if (reader.ValueTextEquals("obfuscation"u8))
                {
                    reader.Read();
                    _core.ReadString(ref reader, ObfuscationSlot);
                }
                else if (reader.ValueTextEquals("item_id"u8))
                {
                    reader.Read();
                    ItemId = _core.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("output_index"u8))
                {
                    OutputIndex = JsonValues.ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("content_index"u8))
                {
                    ContentIndex = JsonValues.ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("summary_index"u8))
                {
                    SummaryIndex = JsonValues.ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("annotation_index"u8))
                {
                    AnnotationIndex = JsonValues.ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    Text = _core.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("arguments"u8))
                {
                    reader.Read();
                    Arguments = _core.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("item"u8))
                {
                    reader.Read();
                    ReadItem(ref reader);
                }
                else if (reader.ValueTextEquals("part"u8))
                {
                    reader.Read();
                    Part = JsonChunkCore.ReadRaw(ref reader);
                }
                else if (reader.ValueTextEquals("annotation"u8))
                {
                    reader.Read();
                    Annotation = JsonChunkCore.ReadRaw(ref reader);
                }
                else if (reader.ValueTextEquals("response"u8))
                {
                    reader.Read();
                    error = ReadResponse(ref reader);
                }
                else
                {
                    JsonValues.SkipValue(ref reader);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw _core.Malformed(ex.Message, data, ex);
        }

        ReadOnlySpan<byte> type = _core.Resolve(data, Type);
        if (type.SequenceEqual("error"u8))
        {
            throw Context.GatewayError(data);
        }

        if (type.SequenceEqual("response.failed"u8))
        {
            // response.error holds {code, message}; without one, the event itself is the best report.
            throw Context.GatewayError(error.IsPresent ? _core.Resolve(data, error) : data);
        }

        Kind = KindOf(type);
        if (Kind is ResponseStreamEventKind.Completed or ResponseStreamEventKind.Incomplete)
        {
            SawEnd = true;
            FinalUsage = Usage;
        }

        if (Kind is ResponseStreamEventKind.Created or ResponseStreamEventKind.Queued or ResponseStreamEventKind.InProgress
            or ResponseStreamEventKind.Completed or ResponseStreamEventKind.Incomplete)
        {
            _core.PreventTemplate(); // one-off events carrying the whole response
        }

        _core.EndFullParse(data);
    }

    private void ReadItem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        int start = (int)reader.TokenStartIndex;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                ItemType = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                ItemId = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                ItemName = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("call_id"u8))
            {
                reader.Read();
                ItemCallId = _core.ReadString(ref reader);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }

        Item = new Utf8Segment(start, (int)reader.BytesConsumed - start, InScratch: false);
    }

    /// <summary>Reads the response object; returns where its <c>error</c> object is, if it has one.</summary>
    private Utf8Segment ReadResponse(ref Utf8JsonReader reader)
    {
        Utf8Segment error = Utf8Segment.Absent;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return error;
        }

        int start = (int)reader.TokenStartIndex;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                ResponseId = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                Status = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                Model = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                Usage = reader.TokenType == JsonTokenType.StartObject ? ReadUsage(ref reader) : Usage;
            }
            else if (reader.ValueTextEquals("incomplete_details"u8))
            {
                reader.Read();
                IncompleteReason = ReadReason(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    error = JsonChunkCore.ReadRaw(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }

        Response = new Utf8Segment(start, (int)reader.BytesConsumed - start, InScratch: false);
        return error;
    }

    private Utf8Segment ReadReason(ref Utf8JsonReader reader)
    {
        Utf8Segment reason = Utf8Segment.Absent;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return reason;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("reason"u8))
            {
                reader.Read();
                reason = _core.ReadString(ref reader);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }

        return reason;
    }

    private static ResponseStreamUsage ReadUsage(ref Utf8JsonReader reader)
    {
        int input = 0, output = 0, total = 0, cached = 0, reasoning = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                input = JsonValues.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                output = JsonValues.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                total = JsonValues.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("input_tokens_details"u8))
            {
                cached = JsonValues.ReadNestedInt32(ref reader, "cached_tokens"u8, cached);
            }
            else if (reader.ValueTextEquals("output_tokens_details"u8))
            {
                reasoning = JsonValues.ReadNestedInt32(ref reader, "reasoning_tokens"u8, reasoning);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }

        return new ResponseStreamUsage(input, output, total, cached, reasoning);
    }

    private static ResponseStreamEventKind KindOf(ReadOnlySpan<byte> type)
    {
        if (!type.StartsWith("response."u8))
        {
            return ResponseStreamEventKind.Other;
        }

        ReadOnlySpan<byte> name = type["response."u8.Length..];
        return name.SequenceEqual("output_text.delta"u8) ? ResponseStreamEventKind.OutputTextDelta
            : name.SequenceEqual("function_call_arguments.delta"u8) ? ResponseStreamEventKind.FunctionCallArgumentsDelta
            : name.SequenceEqual("reasoning_summary_text.delta"u8) ? ResponseStreamEventKind.ReasoningSummaryTextDelta
            : name.SequenceEqual("reasoning_text.delta"u8) ? ResponseStreamEventKind.ReasoningTextDelta
            : name.SequenceEqual("refusal.delta"u8) ? ResponseStreamEventKind.RefusalDelta
            : name.SequenceEqual("output_text.done"u8) ? ResponseStreamEventKind.OutputTextDone
            : name.SequenceEqual("output_text.annotation.added"u8) ? ResponseStreamEventKind.OutputTextAnnotationAdded
            : name.SequenceEqual("function_call_arguments.done"u8) ? ResponseStreamEventKind.FunctionCallArgumentsDone
            : name.SequenceEqual("output_item.added"u8) ? ResponseStreamEventKind.OutputItemAdded
            : name.SequenceEqual("output_item.done"u8) ? ResponseStreamEventKind.OutputItemDone
            : name.SequenceEqual("content_part.added"u8) ? ResponseStreamEventKind.ContentPartAdded
            : name.SequenceEqual("content_part.done"u8) ? ResponseStreamEventKind.ContentPartDone
            : name.SequenceEqual("created"u8) ? ResponseStreamEventKind.Created
            : name.SequenceEqual("queued"u8) ? ResponseStreamEventKind.Queued
            : name.SequenceEqual("in_progress"u8) ? ResponseStreamEventKind.InProgress
            : name.SequenceEqual("completed"u8) ? ResponseStreamEventKind.Completed
            : name.SequenceEqual("incomplete"u8) ? ResponseStreamEventKind.Incomplete
            : ResponseStreamEventKind.Other;
    }
}
