using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using Juhe.Http;

namespace Juhe.Streaming;

/// <summary>
/// What every format's chunk decoder needs besides its schema walk: the scratch buffer for unescaped
/// strings, string validation, the template shortcut with numbered holes, and errors raised through
/// the response's context. A decoder marks the fields that change from chunk to chunk while it walks a
/// chunk (<see cref="ReadString(ref Utf8JsonReader, int)"/>, <see cref="ReadInteger"/>); on the next
/// chunk it asks <see cref="TryMatchTemplate"/> first and, on a match, reads only the holes' new values.
/// </summary>
/// <remarks>
/// Consecutive chunks of one stream are mostly the same bytes: same ids, model, indexes, nulls.
/// After a full parse the core keeps the chunk as a <see cref="ChunkTemplate"/>. A later chunk whose
/// bytes outside the holes are identical must decode to the same values except the holes', so only
/// those are scanned and validated — a vectorized compare instead of a JSON walk. Any difference falls
/// back to the full parse, so the shortcut can change speed but never results.
/// </remarks>
internal sealed class JsonChunkCore : IDisposable
{
    private readonly ChunkTemplate _template = new();
    private readonly Hole[] _candidates = new Hole[ChunkTemplate.MaxHoles];
    private readonly string _streamName;
    private readonly string _chunkName;
    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(1024);
    private int _scratchLength;
    private int _scratchFixed; // scratch bytes owned by the template's values, kept on the shortcut
    private int _candidateCount; // -1: this chunk cannot be a template

    /// <param name="streamName">The stream as messages name it ("chat").</param>
    /// <param name="chunkName">What a chunk should be ("chat.completion.chunk").</param>
    public JsonChunkCore(string streamName, string chunkName)
    {
        _streamName = streamName;
        _chunkName = chunkName;
    }

    /// <summary>The response the chunks come from: every error is raised with its status, request id and credentials.</summary>
    public ResponseContext Context { get; set; } = ResponseContext.Detached;

    /// <summary>How many chunks took the template shortcut (for tests and diagnostics).</summary>
    public long ShortcutCount { get; private set; }

    /// <summary>How many holes the matched template has.</summary>
    public int HoleCount => _template.HoleCount;

    /// <summary>Starts the full parse of a chunk: forgets the template and the scratch.</summary>
    public void BeginFullParse()
    {
        _scratchLength = 0;
        _candidateCount = 0;
        _template.Clear();
    }

    /// <summary>Ends a full parse: the chunk becomes the template when it had 1 to <see cref="ChunkTemplate.MaxHoles"/> holes.</summary>
    public void EndFullParse(ReadOnlySpan<byte> data)
    {
        _scratchFixed = _scratchLength;
        if (_candidateCount > 0)
        {
            _template.Set(data, _candidates.AsSpan(0, _candidateCount));
        }
    }

    /// <summary>This chunk must not become a template (its shape is one the format does not repeat, or has values the holes cannot describe).</summary>
    public void PreventTemplate() => _candidateCount = -1;

    /// <summary>Whether <paramref name="data"/> is the template with new values in its holes; then read them with <see cref="HoleSlot"/>, <see cref="StringInHole"/> and <see cref="IntegerInHole"/>.</summary>
    public bool TryMatchTemplate(ReadOnlySpan<byte> data)
    {
        if (_template.IsEmpty || !_template.TryMatch(data))
        {
            return false;
        }

        _scratchLength = _scratchFixed;
        ShortcutCount++;
        return true;
    }

    /// <summary>The slot number the decoder gave hole <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int HoleSlot(int i) => _template.HoleAt(i).Slot;

    /// <summary>The new string in hole <paramref name="i"/> of the matched chunk, validated and unescaped as a full parse would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Utf8Segment StringInHole(ReadOnlySpan<byte> data, int i)
    {
        ref readonly HoleMatch match = ref _template.MatchAt(i);
        return match.Escaped
            ? Unescape(data[(match.Start - 1)..(match.End + 1)])
            : ValidateRaw(data[match.Start..match.End], match.Start);
    }

    /// <summary>The new integer in hole <paramref name="i"/> of the matched chunk (the template matched only a plain integer of at most 18 digits).</summary>
    public long IntegerInHole(ReadOnlySpan<byte> data, int i)
    {
        HoleMatch match = _template.MatchAt(i);
        ReadOnlySpan<byte> digits = data[match.Start..match.End];
        bool negative = digits[0] == (byte)'-';
        long value = 0;
        foreach (byte digit in negative ? digits[1..] : digits)
        {
            value = (value * 10) + (digit - '0');
        }

        return negative ? -value : value;
    }

    /// <summary>The bytes of <paramref name="segment"/>, in <paramref name="data"/> (the chunk it was decoded from) or in the scratch.</summary>
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

        if (segment.InMatchedChunk)
        {
            return data.Slice(segment.Start, segment.Length);
        }

        // Template coordinates: both ends move with the holes before them (a raw object may contain one).
        int start = _template.Shift(segment.Start);
        return data[start.._template.Shift(segment.Start + segment.Length)];
    }

    /// <summary>Reads the string (or null) at the reader; any other token is skipped and reads as absent.</summary>
    /// <exception cref="JsonException">The string holds invalid UTF-8.</exception>
    public Utf8Segment ReadString(ref Utf8JsonReader reader)
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

    /// <summary>Reads the string at the reader and, when it is one, marks it as hole <paramref name="slot"/> (a negative slot marks nothing).</summary>
    public Utf8Segment ReadString(ref Utf8JsonReader reader, int slot)
    {
        Utf8Segment value = ReadString(ref reader);
        if (slot >= 0 && value.IsPresent)
        {
            int start = (int)reader.TokenStartIndex + 1;
            AddCandidate(new Hole(HoleKind.String, slot, start, start + reader.ValueSpan.Length));
        }

        return value;
    }

    /// <summary>Reads the integer at the reader (0 for null or any other token, which is skipped) and, when it is one, marks it as hole <paramref name="slot"/>.</summary>
    public long ReadInteger(ref Utf8JsonReader reader, int slot)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long value))
        {
            reader.Skip();
            return 0;
        }

        if (slot >= 0)
        {
            int start = (int)reader.TokenStartIndex;
            AddCandidate(new Hole(HoleKind.Integer, slot, start, start + reader.ValueSpan.Length));
        }

        return value;
    }

    /// <summary>
    /// <paramref name="first"/> followed by <paramref name="second"/> in the scratch (for a text a
    /// format sends in several parts); either may be absent. Only for a chunk being fully parsed.
    /// </summary>
    public Utf8Segment Concat(ReadOnlySpan<byte> data, Utf8Segment first, Utf8Segment second)
    {
        if (!first.IsPresent || !second.IsPresent)
        {
            return first.IsPresent ? first : second;
        }

        EnsureScratch(first.Length + second.Length);
        int start = _scratchLength;
        Resolve(data, first).CopyTo(_scratch.AsSpan(start));
        Resolve(data, second).CopyTo(_scratch.AsSpan(start + first.Length));
        _scratchLength += first.Length + second.Length;
        return new Utf8Segment(start, first.Length + second.Length, InScratch: true);
    }

    /// <summary>Skips the value at the reader and returns where its JSON text is (template coordinates).</summary>
    public static Utf8Segment ReadRaw(ref Utf8JsonReader reader)
    {
        int start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new Utf8Segment(start, (int)reader.BytesConsumed - start, InScratch: false);
    }

    /// <summary>An error for a chunk that is not what the format documents.</summary>
    public JuheApiException Malformed(string problem, ReadOnlySpan<byte> data, Exception? inner = null) =>
        Context.Failure(JuheErrorKind.InvalidResponse,
            $"The {_streamName} stream sent a chunk that is not a valid {_chunkName} ({problem}).", data, inner);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = [];
        _template.Dispose();
    }

    private void AddCandidate(Hole hole)
    {
        if (_candidateCount < 0)
        {
            return;
        }

        for (int i = 0; i < _candidateCount; i++)
        {
            if (_candidates[i].Slot == hole.Slot)
            {
                _candidateCount = -1; // a field given twice: which one counts is not worth modelling
                return;
            }
        }

        if (_candidateCount == _candidates.Length)
        {
            _candidateCount = -1;
            return;
        }

        _candidates[_candidateCount++] = hole;
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

    /// <summary>Makes room for <paramref name="length"/> more scratch bytes; unescaping never lengthens a string, so its raw length is enough.</summary>
    private void EnsureScratch(int length) => PooledBytes.Grow(ref _scratch, _scratchLength + length, _scratchLength);
}
