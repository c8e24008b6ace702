using System.Buffers;
using System.Net;
using System.Text.Json;
using System.Text.Unicode;
using Juhe.Http;

namespace Juhe.Streaming;

/// <summary>
/// Decodes the JSON of one <c>chat.completion.chunk</c> (or legacy <c>text_completion</c> chunk, whose
/// <c>choices[].text</c> is read as content) into segments, without allocating.
/// </summary>
/// <remarks>
/// Consecutive chunks of one completion are the same bytes except for the string that carries
/// the new token: same id, model, created, index, <c>"finish_reason":null</c>. After a full parse
/// the decoder keeps the chunk as a <see cref="ChunkTemplate"/> with that string (two, for
/// duplicated reasoning) as its holes. A later chunk whose bytes outside the holes are identical
/// must decode to the same values except those strings, so only the strings are scanned and
/// validated — a vectorized compare instead of a JSON walk. Any difference falls back to the full
/// parse, so the shortcut can change speed but never results.
/// </remarks>
internal sealed class ChatChunkDecoder : IDisposable
{
    private Choice[] _choices = new Choice[1];
    private ToolCall[] _toolCalls = new ToolCall[1];
    private int _toolCallCount;
    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(1024);
    private readonly ChunkTemplate _template = new();
    private int _scratchLength;
    private int _scratchFixed; // scratch bytes owned by the template's values, kept on the fast path

    // Strings of the chunk being fully parsed that may become template holes.
    private Hole _candidate1;
    private Hole _candidate2;
    private int _candidateCount; // more than 2 (or a duplicate) means no template
    private bool _hasReasoningContent;

    public int ChoiceCount { get; private set; }

    /// <summary>The response the chunks come from: every error is raised with its status, request id and credentials.</summary>
    public ResponseContext Context { get; set; } = ResponseContext.Detached;

    /// <summary>How many chunks took the template shortcut (for tests and diagnostics).</summary>
    public long ShortcutCount { get; private set; }

    public Utf8Segment Id { get; private set; }

    public Utf8Segment Model { get; private set; }

    public long Created { get; private set; }

    public ChatStreamUsage? Usage { get; private set; }

    public ref readonly Choice GetChoice(int i) => ref _choices[i];

    public ref readonly ToolCall GetToolCall(int i) => ref _toolCalls[i];

    public ReadOnlySpan<byte> Resolve(ReadOnlySpan<byte> data, Utf8Segment segment)
    {
        if (!segment.IsPresent)
        {
            return default;
        }

        if (segment.InScratch)
        {
            return _scratch.AsSpan(segment.Start, segment.Length);
        }

        return data.Slice(segment.InMatchedChunk ? segment.Start : _template.Shift(segment.Start), segment.Length);
    }

    /// <summary>Decodes <paramref name="data"/>; segments stay valid while the caller keeps the same bytes.</summary>
    /// <exception cref="JuheApiException">The chunk is an error payload, or not a valid chunk.</exception>
    public void Decode(ReadOnlySpan<byte> data)
    {
        if (!_template.IsEmpty && TryDecodeLikeTemplate(data))
        {
            return;
        }

        DecodeFully(data);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = [];
        _template.Dispose();
    }

    private bool TryDecodeLikeTemplate(ReadOnlySpan<byte> data)
    {
        if (!_template.TryMatch(data, out HoleMatch first, out HoleMatch second))
        {
            return false;
        }

        // Same structure as the template: only the new strings need checking and decoding.
        _scratchLength = _scratchFixed;
        Fill(data, _template.First, first);
        if (_template.HoleCount == 2)
        {
            Fill(data, _template.Second, second);
        }

        ShortcutCount++;
        return true;
    }

    private void Fill(ReadOnlySpan<byte> data, Hole hole, HoleMatch match)
    {
        Utf8Segment value = match.Escaped
            ? Unescape(data[(match.Start - 1)..(match.End + 1)])
            : ValidateRaw(data[match.Start..match.End], match.Start);
        switch (hole.Kind)
        {
            case HoleKind.Content:
                _choices[0].Content = value;
                break;
            case HoleKind.Reasoning:
                _choices[0].Reasoning = value;
                break;
            case HoleKind.ToolArguments:
                _toolCalls[hole.Slot].Arguments = value;
                break;
        }
    }

    private Utf8Segment ValidateRaw(ReadOnlySpan<byte> raw, int start)
    {
        // What a full parse rejects in an unescaped string: control characters, broken UTF-8.
        // Printable ASCII, the usual case, needs one vectorized scan.
        if (raw.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0 && (raw.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || !Utf8.IsValid(raw)))
        {
            throw Malformed("a string holds a control character or invalid UTF-8", raw);
        }

        return new Utf8Segment(start, raw.Length, InScratch: false, InMatchedChunk: true);
    }

    private Utf8Segment Unescape(ReadOnlySpan<byte> quoted)
    {
        ReadOnlySpan<byte> raw = quoted[1..^1];
        EnsureScratch(raw.Length);
        Span<byte> destination = _scratch.AsSpan(_scratchLength);
        if (raw.IndexOfAnyInRange((byte)0, (byte)0x1F) < 0
            && JsonStringUnescaper.TryUnescape(raw, destination, out int written)
            && Utf8.IsValid(destination[..written]))
        {
            var segment = new Utf8Segment(_scratchLength, written, InScratch: true);
            _scratchLength += written;
            return segment;
        }

        // Unusual escapes, or an error to report: the reader decides, as in a full parse.
        var reader = new Utf8JsonReader(quoted);
        try
        {
            reader.Read();
            return ReadString(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Malformed(ex.Message, quoted, ex);
        }
    }

    private void DecodeFully(ReadOnlySpan<byte> data)
    {
        ChoiceCount = 0;
        _toolCallCount = 0;
        _scratchLength = 0;
        _template.Clear();
        Id = Model = Utf8Segment.Absent;
        Created = 0;
        Usage = null;
        _candidateCount = 0;
        _hasReasoningContent = false;

        var reader = new Utf8JsonReader(data);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed("a chunk must be a JSON object", data);
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
                            ReadChoice(ref reader);
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
                    Id = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("model"u8))
                {
                    reader.Read();
                    Model = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("created"u8))
                {
                    reader.Read();
                    Created = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long created) ? created : 0;
                }
                else if (reader.ValueTextEquals("usage"u8))
                {
                    reader.Read();
                    Usage = reader.TokenType == JsonTokenType.StartObject ? ReadUsage(ref reader) : Usage;
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
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The reader throws InvalidOperationException for strings it cannot unescape (a lone surrogate).
            throw Malformed(ex.Message, data, ex);
        }

        _scratchFixed = _scratchLength;
        RememberTemplate(data);
    }

    private void RememberTemplate(ReadOnlySpan<byte> data)
    {
        if (ChoiceCount != 1 || _candidateCount is 0 or > 2)
        {
            return;
        }

        Hole first = Resolved(_candidate1);
        Hole second = _candidateCount == 2 ? Resolved(_candidate2) : default;
        if (second.Kind != HoleKind.None && second.Start < first.Start)
        {
            (first, second) = (second, first);
        }

        _template.Set(data, first, second);
    }

    /// <summary><c>reasoning</c> is the reasoning text only when <c>reasoning_content</c> is absent; otherwise it must merely stay a string.</summary>
    private Hole Resolved(Hole candidate) =>
        candidate.Kind == HoleKind.Ignored && !_hasReasoningContent ? candidate with { Kind = HoleKind.Reasoning } : candidate;

    private void ReadChoice(ref Utf8JsonReader reader)
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
                choice.Content = ReadString(ref reader, HoleKind.Content);
            }
            else if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadDelta(ref reader, ref choice);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("index"u8))
            {
                choice.Index = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                reader.Read();
                choice.FinishReason = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadDelta(ref Utf8JsonReader reader, ref Choice choice)
    {
        Utf8Segment reasoningFallback = Utf8Segment.Absent;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                choice.Content = ReadString(ref reader, HoleKind.Content);
            }
            else if (reader.ValueTextEquals("reasoning_content"u8))
            {
                reader.Read();
                choice.Reasoning = ReadString(ref reader, HoleKind.Reasoning);
                _hasReasoningContent |= choice.Reasoning.IsPresent;
            }
            else if (reader.ValueTextEquals("reasoning"u8))
            {
                // The gateway sends the same text under both names: read one, never both.
                reader.Read();
                reasoningFallback = ReadString(ref reader, HoleKind.Ignored);
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                choice.Role = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("refusal"u8))
            {
                reader.Read();
                choice.Refusal = ReadString(ref reader);
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

    private void ReadToolCall(ref Utf8JsonReader reader)
    {
        if (_toolCallCount == _toolCalls.Length)
        {
            Array.Resize(ref _toolCalls, _toolCalls.Length * 2);
        }

        ref ToolCall call = ref _toolCalls[_toolCallCount++];
        call = new ToolCall { Id = Utf8Segment.Absent, Type = Utf8Segment.Absent, Name = Utf8Segment.Absent, Arguments = Utf8Segment.Absent };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("index"u8))
            {
                call.Index = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                call.Id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                call.Type = ReadString(ref reader);
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
                        call.Name = ReadString(ref reader);
                    }
                    else if (reader.ValueTextEquals("arguments"u8))
                    {
                        reader.Read();
                        call.Arguments = ReadString(ref reader, HoleKind.ToolArguments, _toolCallCount - 1);
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

    private static ChatStreamUsage ReadUsage(ref Utf8JsonReader reader)
    {
        int prompt = 0, completion = 0, total = 0, cached = 0, reasoning = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                prompt = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                completion = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                total = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
            {
                cached = ReadNestedInt(ref reader, "cached_tokens"u8, cached);
            }
            else if (reader.ValueTextEquals("completion_tokens_details"u8))
            {
                reasoning = ReadNestedInt(ref reader, "reasoning_tokens"u8, reasoning);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ChatStreamUsage(prompt, completion, total, cached, reasoning);
    }

    private static int ReadInt(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value) ? value : 0;
    }

    private static int ReadNestedInt(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, int fallback)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return fallback;
        }

        int value = fallback;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
            {
                value = ReadInt(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return value;
    }

    /// <summary>Reads a string (or null) at the reader, noting it as a possible template hole.</summary>
    private Utf8Segment ReadString(ref Utf8JsonReader reader, HoleKind kind, int slot = 0)
    {
        Utf8Segment value = ReadString(ref reader);
        if (ChoiceCount != 1 || !value.IsPresent)
        {
            return value;
        }

        int start = (int)reader.TokenStartIndex + 1;
        var hole = new Hole(kind, start, start + reader.ValueSpan.Length, slot);
        if ((_candidateCount >= 1 && SameField(_candidate1, hole)) || (_candidateCount >= 2 && SameField(_candidate2, hole)))
        {
            _candidateCount = int.MaxValue; // a field given twice: which one counts is not worth modelling
        }
        else if (_candidateCount == 0)
        {
            _candidate1 = hole;
            _candidateCount = 1;
        }
        else if (_candidateCount == 1)
        {
            _candidate2 = hole;
            _candidateCount = 2;
        }
        else
        {
            _candidateCount = int.MaxValue;
        }

        return value;

        static bool SameField(Hole a, Hole b) => a.Kind == b.Kind && a.Slot == b.Slot;
    }

    private Utf8Segment ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Utf8Segment.Absent;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return Utf8Segment.Absent;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(raw))
            {
                throw new JsonException("A string holds invalid UTF-8.");
            }

            return new Utf8Segment((int)reader.TokenStartIndex + 1, raw.Length, InScratch: false);
        }

        EnsureScratch(raw.Length);
        int written = reader.CopyString(_scratch.AsSpan(_scratchLength));
        if (!Utf8.IsValid(_scratch.AsSpan(_scratchLength, written)))
        {
            throw new JsonException("A string holds invalid UTF-8.");
        }

        var segment = new Utf8Segment(_scratchLength, written, InScratch: true);
        _scratchLength += written;
        return segment;
    }

    /// <summary>Makes room for <paramref name="length"/> more scratch bytes; unescaping never lengthens a string, so its raw length is enough.</summary>
    private void EnsureScratch(int length) => PooledBytes.Grow(ref _scratch, _scratchLength + length, _scratchLength);

    private JuheApiException Malformed(string problem, ReadOnlySpan<byte> data, Exception? inner = null) =>
        Context.Failure(JuheErrorKind.InvalidResponse,
            $"The chat stream sent a chunk that is not a valid chat.completion.chunk ({problem}).", data, inner);

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
