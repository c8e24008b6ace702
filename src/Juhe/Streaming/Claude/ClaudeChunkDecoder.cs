using System.Text.Json;
using Juhe.Http;

namespace Juhe.Streaming;

/// <summary>
/// Decodes the JSON of one Anthropic Messages stream event into segments, without allocating, and
/// keeps what the stream accumulates (the merged usage, whether <c>message_stop</c> came).
/// </summary>
/// <remarks>
/// A <c>content_block_delta</c> becomes the template of the next (<see cref="JsonChunkCore"/>) with its
/// one string (text, thinking, signature or partial JSON) as the hole; Anthropic's varying run of spaces
/// before the closing brace does not break the match.
/// </remarks>
internal sealed class ClaudeChunkDecoder : IDisposable
{
    private const int DeltaSlot = 0;

    private readonly JsonChunkCore _core = new("Claude message", "Anthropic Messages event");
    private Usage _usage = Usage.None;

    public ResponseContext Context { get => _core.Context; set => _core.Context = value; }

    public long ShortcutCount => _core.ShortcutCount;

    public long ChunkCount { get; private set; }

    public bool SawMessageStop { get; private set; }

    /// <summary>The usage merged over every event so far; <see langword="null"/> before any carried one.</summary>
    public ClaudeStreamUsage? MergedUsage => _usage.IsEmpty ? null : _usage.ToPublic();

    // The current event.
    public ClaudeStreamEventKind Kind { get; private set; }

    public Utf8Segment Type { get; private set; }

    public int Index { get; private set; }

    public Utf8Segment MessageId { get; private set; }

    public Utf8Segment Model { get; private set; }

    public ClaudeStreamBlockKind BlockKind { get; private set; }

    public Utf8Segment BlockType { get; private set; }

    public Utf8Segment ToolId { get; private set; }

    public Utf8Segment ToolName { get; private set; }

    public Utf8Segment ContentBlock { get; private set; }

    public ClaudeStreamDeltaKind DeltaKind { get; private set; }

    public Utf8Segment DeltaType { get; private set; }

    /// <summary>The delta's one string: text, thinking, signature or partial JSON, by <see cref="DeltaKind"/>.</summary>
    public Utf8Segment DeltaValue { get; private set; }

    public Utf8Segment Citation { get; private set; }

    public Utf8Segment Delta { get; private set; }

    public Utf8Segment StopReason { get; private set; }

    public Utf8Segment StopSequence { get; private set; }

    /// <summary>Whether the current event carried a usage object.</summary>
    public bool HasUsage { get; private set; }

    public ReadOnlySpan<byte> Resolve(ReadOnlySpan<byte> data, Utf8Segment segment) => _core.Resolve(data, segment);

    /// <summary>Decodes one event's data.</summary>
    /// <exception cref="JuheApiException">The event is an error, or not a valid event.</exception>
    public void Decode(ReadOnlySpan<byte> data)
    {
        ChunkCount++;
        if (_core.TryMatchTemplate(data))
        {
            DeltaValue = _core.StringInHole(data, 0);
            return;
        }

        DecodeFully(data);
    }

    public void Dispose() => _core.Dispose();

    private void DecodeFully(ReadOnlySpan<byte> data)
    {
        _core.BeginFullParse();
        Type = MessageId = Model = BlockType = ToolId = ToolName = ContentBlock = Utf8Segment.Absent;
        DeltaType = DeltaValue = Citation = Delta = StopReason = StopSequence = Utf8Segment.Absent;
        Index = -1;
        HasUsage = false;
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
                else if (reader.ValueTextEquals("index"u8))
                {
                    reader.Read();
                    Index = (int)_core.ReadInteger(ref reader, slot: -1);
                }
                else if (reader.ValueTextEquals("delta"u8))
                {
                    reader.Read();
                    ReadDelta(ref reader);
                }
                else if (reader.ValueTextEquals("content_block"u8))
                {
                    reader.Read();
                    ReadContentBlock(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    ReadMessage(ref reader);
                }
                else if (reader.ValueTextEquals("usage"u8))
                {
                    reader.Read();
                    ReadUsage(ref reader);
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.String)
                    {
                        throw Context.GatewayError(data);
                    }
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

        Kind = KindOf(type);
        SawMessageStop |= Kind == ClaudeStreamEventKind.MessageStop;
        BlockKind = BlockKindOf(_core.Resolve(data, BlockType));
        DeltaKind = DeltaKindOf(_core.Resolve(data, DeltaType));
        if (Kind != ClaudeStreamEventKind.ContentBlockDelta || DeltaKind is ClaudeStreamDeltaKind.Other or ClaudeStreamDeltaKind.Citations)
        {
            _core.PreventTemplate();
        }

        _core.EndFullParse(data);
    }

    private void ReadDelta(ref Utf8JsonReader reader)
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
                DeltaType = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8) || reader.ValueTextEquals("thinking"u8)
                || reader.ValueTextEquals("signature"u8) || reader.ValueTextEquals("partial_json"u8))
            {
                reader.Read();
                DeltaValue = _core.ReadString(ref reader, DeltaSlot);
            }
            else if (reader.ValueTextEquals("citation"u8))
            {
                reader.Read();
                Citation = JsonChunkCore.ReadRaw(ref reader);
            }
            else if (reader.ValueTextEquals("stop_reason"u8))
            {
                reader.Read();
                StopReason = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("stop_sequence"u8))
            {
                reader.Read();
                StopSequence = _core.ReadString(ref reader);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }

        Delta = new Utf8Segment(start, (int)reader.BytesConsumed - start, InScratch: false);
    }

    private void ReadContentBlock(ref Utf8JsonReader reader)
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
                BlockType = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                ToolId = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                ToolName = _core.ReadString(ref reader);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }

        ContentBlock = new Utf8Segment(start, (int)reader.BytesConsumed - start, InScratch: false);
    }

    private void ReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                MessageId = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                Model = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                ReadUsage(ref reader);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }
    }

    /// <summary>Merges the usage object at the reader into the stream's: each field sent replaces the last value.</summary>
    private void ReadUsage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        HasUsage = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                _usage.Input = ReadCount(ref reader, _usage.Input);
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                _usage.Output = ReadCount(ref reader, _usage.Output);
            }
            else if (reader.ValueTextEquals("cache_creation_input_tokens"u8))
            {
                _usage.CacheCreation = ReadCount(ref reader, _usage.CacheCreation);
            }
            else if (reader.ValueTextEquals("cache_read_input_tokens"u8))
            {
                _usage.CacheRead = ReadCount(ref reader, _usage.CacheRead);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }

        // A null count (sent by some proxies) keeps the last value rather than erasing it.
        static int ReadCount(ref Utf8JsonReader reader, int last)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value))
            {
                return value;
            }

            reader.Skip();
            return last;
        }
    }

    private static ClaudeStreamEventKind KindOf(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("content_block_delta"u8) ? ClaudeStreamEventKind.ContentBlockDelta
        : type.SequenceEqual("content_block_start"u8) ? ClaudeStreamEventKind.ContentBlockStart
        : type.SequenceEqual("content_block_stop"u8) ? ClaudeStreamEventKind.ContentBlockStop
        : type.SequenceEqual("message_start"u8) ? ClaudeStreamEventKind.MessageStart
        : type.SequenceEqual("message_delta"u8) ? ClaudeStreamEventKind.MessageDelta
        : type.SequenceEqual("message_stop"u8) ? ClaudeStreamEventKind.MessageStop
        : type.SequenceEqual("ping"u8) ? ClaudeStreamEventKind.Ping
        : ClaudeStreamEventKind.Unknown;

    private static ClaudeStreamBlockKind BlockKindOf(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("text"u8) ? ClaudeStreamBlockKind.Text
        : type.SequenceEqual("thinking"u8) ? ClaudeStreamBlockKind.Thinking
        : type.SequenceEqual("redacted_thinking"u8) ? ClaudeStreamBlockKind.RedactedThinking
        : type.SequenceEqual("tool_use"u8) ? ClaudeStreamBlockKind.ToolUse
        : type.SequenceEqual("server_tool_use"u8) ? ClaudeStreamBlockKind.ServerToolUse
        : ClaudeStreamBlockKind.Other;

    private static ClaudeStreamDeltaKind DeltaKindOf(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("text_delta"u8) ? ClaudeStreamDeltaKind.Text
        : type.SequenceEqual("thinking_delta"u8) ? ClaudeStreamDeltaKind.Thinking
        : type.SequenceEqual("signature_delta"u8) ? ClaudeStreamDeltaKind.Signature
        : type.SequenceEqual("input_json_delta"u8) ? ClaudeStreamDeltaKind.InputJson
        : type.SequenceEqual("citations_delta"u8) ? ClaudeStreamDeltaKind.Citations
        : ClaudeStreamDeltaKind.Other;

    /// <summary>The merged counts; -1 for a field never sent.</summary>
    private struct Usage
    {
        public static readonly Usage None = new() { Input = -1, Output = -1, CacheCreation = -1, CacheRead = -1 };

        public int Input;
        public int Output;
        public int CacheCreation;
        public int CacheRead;

        public readonly bool IsEmpty => Input < 0 && Output < 0 && CacheCreation < 0 && CacheRead < 0;

        public readonly ClaudeStreamUsage ToPublic() =>
            new(Math.Max(Input, 0), Math.Max(Output, 0), Math.Max(CacheCreation, 0), Math.Max(CacheRead, 0));
    }
}
