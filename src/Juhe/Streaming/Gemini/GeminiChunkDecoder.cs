using System.Text.Json;
using Juhe.Http;

namespace Juhe.Streaming;

/// <summary>
/// Decodes the JSON of one Gemini <c>GenerateContentResponse</c> chunk into segments, without allocating.
/// </summary>
/// <remarks>
/// A chunk with one candidate holding one text part becomes the template of the next
/// (<see cref="JsonChunkCore"/>): the text and the running <c>usageMetadata</c> counts that change
/// on every chunk (candidates, total, thoughts) are its holes.
/// </remarks>
internal sealed class GeminiChunkDecoder : IDisposable
{
    // The prompt and cached counts stay the same through a stream, so they are not holes.
    private const int TextSlot = 0;
    private const int CandidatesSlot = 1;
    private const int TotalSlot = 2;
    private const int ThoughtsSlot = 3;
    private const int CandidatesDetailSlot = 4; // candidatesTokensDetails[0].tokenCount: validated, not read

    private readonly JsonChunkCore _core = new("Gemini", "Gemini GenerateContentResponse chunk");
    private Candidate[] _candidates = new Candidate[1];
    private Part[] _parts = new Part[2];
    private int _partCount;
    private Counts _usage;

    public ResponseContext Context { get => _core.Context; set => _core.Context = value; }

    public long ShortcutCount => _core.ShortcutCount;

    public long ChunkCount { get; private set; }

    /// <summary>The last usage any chunk carried.</summary>
    public GeminiStreamUsage? LastUsage { get; private set; }

    // The current chunk.
    public int CandidateCount { get; private set; }

    public GeminiStreamUsage? Usage => _usage.Present ? _usage.ToPublic() : null;

    public Utf8Segment BlockReason { get; private set; }

    public Utf8Segment ModelVersion { get; private set; }

    public Utf8Segment ResponseId { get; private set; }

    public ref readonly Candidate GetCandidate(int i) => ref _candidates[i];

    public ref readonly Part GetPart(int i) => ref _parts[i];

    public ReadOnlySpan<byte> Resolve(ReadOnlySpan<byte> data, Utf8Segment segment) => _core.Resolve(data, segment);

    /// <summary>Decodes one chunk.</summary>
    /// <exception cref="JuheApiException">The chunk is an error, or not a valid chunk.</exception>
    public void Decode(ReadOnlySpan<byte> data)
    {
        ChunkCount++;
        if (_core.TryMatchTemplate(data))
        {
            FillHoles(data);
        }
        else
        {
            DecodeFully(data);
        }

        if (_usage.Present)
        {
            LastUsage = _usage.ToPublic();
        }
    }

    public void Dispose() => _core.Dispose();

    private void FillHoles(ReadOnlySpan<byte> data)
    {
        int holes = _core.HoleCount;
        for (int i = 0; i < holes; i++)
        {
            switch (_core.HoleSlot(i))
            {
                case TextSlot:
                    _parts[0].Text = _core.StringInHole(data, i);
                    break;
                case CandidatesSlot:
                    _usage.Candidates = (int)_core.IntegerInHole(data, i);
                    break;
                case TotalSlot:
                    _usage.Total = (int)_core.IntegerInHole(data, i);
                    break;
                case ThoughtsSlot:
                    _usage.Thoughts = (int)_core.IntegerInHole(data, i);
                    break;
            }
        }
    }

    private void DecodeFully(ReadOnlySpan<byte> data)
    {
        _core.BeginFullParse();
        CandidateCount = 0;
        _partCount = 0;
        _usage = default;
        BlockReason = ModelVersion = ResponseId = Utf8Segment.Absent;
        var reader = new Utf8JsonReader(data);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw _core.Malformed("a chunk must be a JSON object", data);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("candidates"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                        {
                            ReadCandidate(ref reader);
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("usageMetadata"u8))
                {
                    reader.Read();
                    ReadUsage(ref reader);
                }
                else if (reader.ValueTextEquals("promptFeedback"u8))
                {
                    reader.Read();
                    BlockReason = ReadBlockReason(ref reader);
                }
                else if (reader.ValueTextEquals("modelVersion"u8))
                {
                    reader.Read();
                    ModelVersion = _core.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("responseId"u8))
                {
                    reader.Read();
                    ResponseId = _core.ReadString(ref reader);
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

        if (CandidateCount != 1 || _partCount != 1 || _parts[0].Kind is not (GeminiStreamPartKind.Text or GeminiStreamPartKind.Thought))
        {
            _core.PreventTemplate();
        }

        _core.EndFullParse(data);
    }

    private void ReadCandidate(ref Utf8JsonReader reader)
    {
        if (CandidateCount == _candidates.Length)
        {
            Array.Resize(ref _candidates, _candidates.Length * 2);
        }

        int position = CandidateCount++;
        ref Candidate candidate = ref _candidates[position];
        candidate = new Candidate { Index = position, FinishReason = Utf8Segment.Absent, PartStart = _partCount };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("parts"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                            {
                                ReadPart(ref reader);
                                _candidates[position].PartCount++;
                            }
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
            }
            else if (reader.ValueTextEquals("finishReason"u8))
            {
                reader.Read();
                _candidates[position].FinishReason = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("index"u8))
            {
                // Some models omit it; the candidate's position stands in.
                _candidates[position].Index = JsonValues.ReadInt32(ref reader);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }
    }

    private void ReadPart(ref Utf8JsonReader reader)
    {
        if (_partCount == _parts.Length)
        {
            Array.Resize(ref _parts, _parts.Length * 2);
        }

        ref Part part = ref _parts[_partCount++];
        part = Part.Empty;
        int start = (int)reader.TokenStartIndex;
        bool thought = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                part.Text = _core.ReadString(ref reader, CandidateCount == 1 && _partCount == 1 ? TextSlot : -1);
                part.Kind = GeminiStreamPartKind.Text;
            }
            else if (reader.ValueTextEquals("thought"u8))
            {
                reader.Read();
                thought = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("thoughtSignature"u8))
            {
                reader.Read();
                part.ThoughtSignature = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("functionCall"u8))
            {
                reader.Read();
                part.Kind = GeminiStreamPartKind.FunctionCall;
                ReadFields(ref reader, "name"u8, ref part.Name, "args"u8, ref part.Value, secondIsRaw: true);
            }
            else if (reader.ValueTextEquals("inlineData"u8))
            {
                reader.Read();
                part.Kind = GeminiStreamPartKind.InlineData;
                ReadFields(ref reader, "mimeType"u8, ref part.Name, "data"u8, ref part.Value, secondIsRaw: false);
            }
            else if (reader.ValueTextEquals("executableCode"u8))
            {
                reader.Read();
                part.Kind = GeminiStreamPartKind.ExecutableCode;
                ReadFields(ref reader, "language"u8, ref part.Name, "code"u8, ref part.Value, secondIsRaw: false);
            }
            else if (reader.ValueTextEquals("codeExecutionResult"u8))
            {
                reader.Read();
                part.Kind = GeminiStreamPartKind.CodeExecutionResult;
                ReadFields(ref reader, "outcome"u8, ref part.Name, "output"u8, ref part.Value, secondIsRaw: false);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }

        if (thought && part.Kind == GeminiStreamPartKind.Text)
        {
            part.Kind = GeminiStreamPartKind.Thought;
        }

        part.Raw = new Utf8Segment(start, (int)reader.BytesConsumed - start, InScratch: false);
    }

    /// <summary>Reads an object's two interesting members (e.g. <c>functionCall</c>'s name and args).</summary>
    private void ReadFields(ref Utf8JsonReader reader, ReadOnlySpan<byte> first, ref Utf8Segment firstValue, ReadOnlySpan<byte> second, ref Utf8Segment secondValue, bool secondIsRaw)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(first))
            {
                reader.Read();
                firstValue = _core.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals(second))
            {
                reader.Read();
                secondValue = secondIsRaw ? JsonChunkCore.ReadRaw(ref reader) : _core.ReadString(ref reader);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }
    }

    private void ReadUsage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        _usage.Present = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("promptTokenCount"u8))
            {
                reader.Read();
                _usage.Prompt = (int)_core.ReadInteger(ref reader, slot: -1);
            }
            else if (reader.ValueTextEquals("candidatesTokenCount"u8))
            {
                reader.Read();
                _usage.Candidates = (int)_core.ReadInteger(ref reader, CandidatesSlot);
            }
            else if (reader.ValueTextEquals("totalTokenCount"u8))
            {
                reader.Read();
                _usage.Total = (int)_core.ReadInteger(ref reader, TotalSlot);
            }
            else if (reader.ValueTextEquals("thoughtsTokenCount"u8))
            {
                reader.Read();
                _usage.Thoughts = (int)_core.ReadInteger(ref reader, ThoughtsSlot);
            }
            else if (reader.ValueTextEquals("cachedContentTokenCount"u8))
            {
                reader.Read();
                _usage.Cached = (int)_core.ReadInteger(ref reader, slot: -1);
            }
            else if (reader.ValueTextEquals("candidatesTokensDetails"u8))
            {
                reader.Read();
                ReadFirstDetailCount(ref reader);
            }
            else
            {
                JsonValues.SkipValue(ref reader);
            }
        }
    }

    /// <summary><c>candidatesTokensDetails</c> grows like the counts; its first entry's count is a hole so the template survives it.</summary>
    private void ReadFirstDetailCount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        int entry = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (entry == 0 && reader.ValueTextEquals("tokenCount"u8))
                {
                    reader.Read();
                    _core.ReadInteger(ref reader, CandidatesDetailSlot);
                }
                else
                {
                    JsonValues.SkipValue(ref reader);
                }
            }

            entry++;
        }
    }

    private Utf8Segment ReadBlockReason(ref Utf8JsonReader reader)
    {
        Utf8Segment reason = Utf8Segment.Absent;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return reason;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("blockReason"u8))
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

    /// <summary>One candidate of the current chunk.</summary>
    internal struct Candidate
    {
        public int Index;
        public Utf8Segment FinishReason;
        public int PartStart;
        public int PartCount;
    }

    /// <summary>One part of a candidate. <see cref="Name"/> and <see cref="Value"/> are the kind's two fields (name/args, mimeType/data, language/code, outcome/output).</summary>
    internal struct Part
    {
        public static readonly Part Empty = new()
        {
            Text = Utf8Segment.Absent, ThoughtSignature = Utf8Segment.Absent, Name = Utf8Segment.Absent, Value = Utf8Segment.Absent, Raw = Utf8Segment.Absent,
        };

        public GeminiStreamPartKind Kind;
        public Utf8Segment Text;
        public Utf8Segment ThoughtSignature;
        public Utf8Segment Name;
        public Utf8Segment Value;
        public Utf8Segment Raw;
    }

    private struct Counts
    {
        public bool Present;
        public int Prompt;
        public int Candidates;
        public int Total;
        public int Thoughts;
        public int Cached;

        public readonly GeminiStreamUsage ToPublic() => new(Prompt, Candidates, Total, Thoughts, Cached);
    }
}
