using System.Text.Json;
using Juhe.Http;

namespace Juhe.Streaming;

/// <summary>
/// Decodes the JSON of one <c>chat.completion.chunk</c> (or legacy <c>text_completion</c> chunk, whose
/// <c>choices[].text</c> is read as content) into segments, without allocating.
/// </summary>
/// <remarks>
/// A chunk with one choice becomes the template of the next (<see cref="JsonChunkCore"/>): its holes
/// are the strings that change per token (content, reasoning under both its names, tool-call
/// arguments) and OpenAI's random <c>obfuscation</c> padding.
/// </remarks>
internal sealed class ChatChunkDecoder : IDisposable
{
    // Template slots: which field a hole is.
    private const int ContentSlot = 0;
    private const int ReasoningContentSlot = 1;
    private const int ReasoningSlot = 2; // the duplicate name, read only when reasoning_content is absent
    private const int ObfuscationSlot = 3; // validated, never read
    private const int FirstToolArgumentsSlot = 4;

    private readonly JsonChunkCore _core = new("chat", "chat.completion.chunk");
    private Choice[] _choices = new Choice[1];
    private ToolCall[] _toolCalls = new ToolCall[1];
    private int _toolCallCount;
    private bool _hasReasoningContent;

    public int ChoiceCount { get; private set; }

    /// <summary>The response the chunks come from: every error is raised with its status, request id and credentials.</summary>
    public ResponseContext Context { get => _core.Context; set => _core.Context = value; }

    /// <summary>How many chunks took the template shortcut (for tests and diagnostics).</summary>
    public long ShortcutCount => _core.ShortcutCount;

    public Utf8Segment Id { get; private set; }

    public Utf8Segment Model { get; private set; }

    public long Created { get; private set; }

    public ChatStreamUsage? Usage { get; private set; }

    /// <summary>Whether any chunk so far carried a <c>finish_reason</c>.</summary>
    public bool SawFinishReason { get; private set; }

    public ref readonly Choice GetChoice(int i) => ref _choices[i];

    public ref readonly ToolCall GetToolCall(int i) => ref _toolCalls[i];

    public ReadOnlySpan<byte> Resolve(ReadOnlySpan<byte> data, Utf8Segment segment) => _core.Resolve(data, segment);

    /// <summary>Decodes <paramref name="data"/>; segments stay valid while the caller keeps the same bytes.</summary>
    /// <exception cref="JuheApiException">The chunk is an error payload, or not a valid chunk.</exception>
    public void Decode(ReadOnlySpan<byte> data)
    {
        if (_core.TryMatchTemplate(data))
        {
            FillHoles(data);
            return;
        }

        DecodeFully(data);
    }

    public void Dispose() => _core.Dispose();

    /// <summary>Same structure as the template: only the holes' new strings need checking and decoding.</summary>
    private void FillHoles(ReadOnlySpan<byte> data)
    {
        int holes = _core.HoleCount;
        for (int i = 0; i < holes; i++)
        {
            Utf8Segment value = _core.StringInHole(data, i);
            switch (_core.HoleSlot(i))
            {
                case ContentSlot:
                    _choices[0].Content = value;
                    break;
                case ReasoningContentSlot:
                    _choices[0].Reasoning = value;
                    break;
                case ReasoningSlot:
                    if (!_hasReasoningContent)
                    {
                        _choices[0].Reasoning = value;
                    }

                    break;
                case ObfuscationSlot:
                    break;
                case int slot:
                    _toolCalls[slot - FirstToolArgumentsSlot].Arguments = value;
                    break;
            }
        }
    }

    private void DecodeFully(ReadOnlySpan<byte> data)
    {
        ChoiceCount = 0;
        _toolCallCount = 0;
        _core.BeginFullParse();
        Id = Model = Utf8Segment.Absent;
        Created = 0;
        Usage = null;
        _hasReasoningContent = false;

        var reader = new Utf8JsonReader(data);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw _core.Malformed("a chunk must be a JSON object", data);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("choices"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                        {
                            ReadChoice(ref reader, data);
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    Id = _core.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("model"u8))
                {
                    reader.Read();
                    Model = _core.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("created"u8))
                {
                    reader.Read();
                    Created = _core.ReadInteger(ref reader, slot: -1);
                }
                else if (reader.ValueTextEquals("usage"u8))
                {
                    reader.Read();
                    Usage = reader.TokenType == JsonTokenType.StartObject ? ReadUsage(ref reader) : Usage;
                }
                else if (reader.ValueTextEquals("obfuscation"u8))
                {
                    // Random padding that changes every chunk (OpenAI): a hole, so the template survives it.
                    reader.Read();
                    _core.ReadString(ref reader, ObfuscationSlot);
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    // An upstream error passed through, new-api's relay_stream_error, OpenRouter's error chunk.
                    reader.Read();
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.String)
                    {
                        throw Context.GatewayError(data);
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The reader throws InvalidOperationException for strings it cannot unescape (a lone surrogate).
            throw _core.Malformed(ex.Message, data, ex);
        }

        if (ChoiceCount != 1)
        {
            _core.PreventTemplate();
        }

        _core.EndFullParse(data);
    }

    private void ReadChoice(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        if (ChoiceCount == _choices.Length)
        {
            Array.Resize(ref _choices, _choices.Length * 2);
        }

        ref Choice choice = ref _choices[ChoiceCount++];
        choice = new Choice
        {
            Content = Utf8Segment.Absent,
            Reasoning = Utf8Segment.Absent,
            Refusal = Utf8Segment.Absent,
            Role = Utf8Segment.Absent,
            FinishReason = Utf8Segment.Absent,
            ToolCallStart = _toolCallCount,
        };

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("text"u8))
            {
                // A legacy text completion chunk carries its text here instead of in a delta.
                reader.Read();
                choice.Content = _core.ReadString(ref reader, Slot(ContentSlot));
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadDelta(ref reader, ref choice, data);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
                choice.Index = (int)_core.ReadInteger(ref reader, slot: -1);
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                choice.FinishReason = _core.ReadString(ref reader);
                SawFinishReason |= choice.FinishReason.IsPresent;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadDelta(ref Utf8JsonReader reader, ref Choice choice, ReadOnlySpan<byte> data)
    {
        Utf8Segment reasoningFallback = Utf8Segment.Absent;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadContentParts(ref reader, ref choice, data);
                }
                else
                {
                    choice.Content = _core.ReadString(ref reader, Slot(ContentSlot));
                }
            }
            else if (reader.ValueTextEquals("reasoning_content"u8))
            {
                reader.Read();
                choice.Reasoning = _core.ReadString(ref reader, Slot(ReasoningContentSlot));
                _hasReasoningContent |= choice.Reasoning.IsPresent;
            }
            else if (reader.ValueTextEquals("reasoning"u8))
            {
                // The gateway sends the same text under both names: read one, never both.
                reader.Read();
                reasoningFallback = _core.ReadString(ref reader, Slot(ReasoningSlot));
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                choice.Role = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("refusal"u8))
            {
                reader.Read();
                choice.Refusal = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("tool_calls"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadToolCall(ref reader);
                        choice.ToolCallCount++;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!choice.Reasoning.IsPresent)
        {
            choice.Reasoning = reasoningFallback;
        }
    }

    /// <summary>
    /// Mistral's typed content parts: <c>[{"type":"text","text":…}]</c> is content,
    /// <c>[{"type":"thinking","thinking":[{"type":"text","text":…}]}]</c> is reasoning. Several texts of one kind are joined.
    /// </summary>
    private void ReadContentParts(ref Utf8JsonReader reader, ref Choice choice, ReadOnlySpan<byte> data)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            Utf8Segment text = Utf8Segment.Absent;
            Utf8Segment thinking = Utf8Segment.Absent;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    text = _core.Concat(data, text, _core.ReadString(ref reader, Slot(ContentSlot)));
                }
                else if (reader.ValueTextEquals("thinking"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                        {
                            thinking = _core.Concat(data, thinking, ReadTextPart(ref reader));
                        }
                    }
                    else
                    {
                        thinking = _core.Concat(data, thinking, _core.ReadString(ref reader, Slot(ReasoningContentSlot)));
                    }
                }
                else
                {
                    // "type" says which of the two a part is; the field present says it as well.
                    reader.Read();
                    reader.Skip();
                }
            }

            choice.Content = _core.Concat(data, choice.Content, text);
            choice.Reasoning = _core.Concat(data, choice.Reasoning, thinking);
            _hasReasoningContent |= choice.Reasoning.IsPresent;
        }
    }

    private Utf8Segment ReadTextPart(ref Utf8JsonReader reader)
    {
        Utf8Segment text = Utf8Segment.Absent;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = _core.ReadString(ref reader, Slot(ReasoningContentSlot));
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return text;
    }

    private void ReadToolCall(ref Utf8JsonReader reader)
    {
        if (_toolCallCount == _toolCalls.Length)
        {
            Array.Resize(ref _toolCalls, _toolCalls.Length * 2);
        }

        int slot = FirstToolArgumentsSlot + _toolCallCount;
        ref ToolCall call = ref _toolCalls[_toolCallCount++];
        call = new ToolCall { Id = Utf8Segment.Absent, Type = Utf8Segment.Absent, Name = Utf8Segment.Absent, Arguments = Utf8Segment.Absent };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
                call.Index = (int)_core.ReadInteger(ref reader, slot: -1);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                call.Id = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                call.Type = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("name"u8))
                    {
                        reader.Read();
                        call.Name = _core.ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("arguments"u8))
                    {
                        reader.Read();
                        call.Arguments = _core.ReadString(ref reader, Slot(slot));
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>Template holes come from the first choice only; a chunk with more never becomes a template.</summary>
    private int Slot(int slot) => ChoiceCount == 1 && slot < FirstToolArgumentsSlot + ChunkTemplate.MaxHoles ? slot : -1;

    private static ChatStreamUsage ReadUsage(ref Utf8JsonReader reader)
    {
        int prompt = 0, completion = 0, total = 0, cached = 0, reasoning = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                prompt = JsonValues.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                completion = JsonValues.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                total = JsonValues.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
            {
                cached = JsonValues.ReadNestedInt32(ref reader, "cached_tokens"u8, cached);
            }
            else if (reader.ValueTextEquals("completion_tokens_details"u8))
            {
                reasoning = JsonValues.ReadNestedInt32(ref reader, "reasoning_tokens"u8, reasoning);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ChatStreamUsage(prompt, completion, total, cached, reasoning);
    }

    /// <summary>One choice's delta in the current chunk.</summary>
    internal struct Choice
    {
        public int Index;
        public Utf8Segment Content;
        public Utf8Segment Reasoning;
        public Utf8Segment Refusal;
        public Utf8Segment Role;
        public Utf8Segment FinishReason;
        public int ToolCallStart;
        public int ToolCallCount;
    }

    /// <summary>One tool-call fragment of a delta.</summary>
    internal struct ToolCall
    {
        public int Index;
        public Utf8Segment Id;
        public Utf8Segment Type;
        public Utf8Segment Name;
        public Utf8Segment Arguments;
    }
}
