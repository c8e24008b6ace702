using System.Buffers;

namespace Juhe.Streaming;

/// <summary>
/// The bytes of the last fully parsed chunk with up to <see cref="MaxHoles"/> values cut out as
/// "holes" (strings or integers). A new chunk matches when everything outside the holes is
/// byte-identical; then only the values in the holes are new, and every other value decodes exactly
/// as it did in the template.
/// </summary>
/// <remarks>
/// Several holes cover what changes from event to event besides the token: new-api's duplicated
/// reasoning, OpenAI's random <c>obfuscation</c> padding, the Responses API's growing
/// <c>sequence_number</c>, Gemini's cumulative token counts. Positions are byte offsets in the
/// template; after a match, a template offset past a hole's end moves by that hole's shift
/// (<see cref="Shift"/>). When the template ends in closing brackets only, the new chunk may pad them
/// with different whitespace (Anthropic pads its payloads with a varying run of spaces).
/// </remarks>
internal sealed class ChunkTemplate : IDisposable
{
    public const int MaxHoles = 8;

    private static readonly SearchValues<byte> ClosingBracketsAndWhiteSpace = SearchValues.Create("}] \t\r\n"u8);

    private readonly Hole[] _holes = new Hole[MaxHoles];
    private readonly HoleMatch[] _matches = new HoleMatch[MaxHoles];
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1024);
    private int _length;
    private int _holeCount;
    private bool _tailIsClosingBrackets;

    public bool IsEmpty => _holeCount == 0;

    public int HoleCount => _holeCount;

    public ref readonly Hole HoleAt(int i) => ref _holes[i];

    /// <summary>Where hole <paramref name="i"/>'s new value is in the last matched chunk.</summary>
    public ref readonly HoleMatch MatchAt(int i) => ref _matches[i];

    public void Clear() => _holeCount = 0;

    /// <param name="chunk">The chunk just parsed.</param>
    /// <param name="holes">Its holes, in order of position.</param>
    public void Set(ReadOnlySpan<byte> chunk, ReadOnlySpan<Hole> holes)
    {
        if (_bytes.Length < chunk.Length)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(chunk.Length);
        }

        chunk.CopyTo(_bytes);
        _length = chunk.Length;
        holes.CopyTo(_holes);
        _holeCount = holes.Length;
        for (int i = 0; i < holes.Length; i++)
        {
            _matches[i] = new HoleMatch(holes[i].Start, holes[i].End, Escaped: false); // the template matches itself: nothing moved
        }

        _tailIsClosingBrackets = IsClosingBrackets(chunk[(holes[^1].End + (holes[^1].Kind == HoleKind.String ? 1 : 0))..]);
    }

    /// <summary>Where a byte at template offset <paramref name="position"/> (outside the holes) is in the last matched chunk: bytes from a hole's end on move with it.</summary>
    public int Shift(int position)
    {
        for (int i = _holeCount - 1; i >= 0; i--)
        {
            if (position >= _holes[i].End)
            {
                return position + _matches[i].End - _holes[i].End; // how far the bytes after this hole moved
            }
        }

        return position;
    }

    /// <summary>Whether <paramref name="chunk"/> is the template with new values in the holes; if so, <see cref="MatchAt"/> says where they are.</summary>
    public bool TryMatch(ReadOnlySpan<byte> chunk)
    {
        ReadOnlySpan<byte> template = _bytes.AsSpan(0, _length);
        ReadOnlySpan<Hole> holes = _holes.AsSpan(0, _holeCount);
        Span<HoleMatch> matches = _matches.AsSpan(0, holes.Length);
        int chunkPosition = 0;
        int templatePosition = 0;
        for (int i = 0; i < holes.Length; i++)
        {
            Hole hole = holes[i];
            int before = hole.Start - templatePosition;
            if (chunk.Length - chunkPosition < before || !chunk.Slice(chunkPosition, before).SequenceEqual(template.Slice(templatePosition, before)))
            {
                return false;
            }

            int start = chunkPosition + before;
            if (!(hole.Kind == HoleKind.String ? TryFindStringEnd(chunk, start, out matches[i]) : TryFindIntegerEnd(chunk, start, out matches[i])))
            {
                return false;
            }

            chunkPosition = matches[i].End;
            templatePosition = hole.End;
        }

        if (!chunk[chunkPosition..].SequenceEqual(template[templatePosition..]) && !PaddedTailMatches(chunk[chunkPosition..], template[templatePosition..]))
        {
            return false;
        }

        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        _holeCount = 0;
    }

    /// <summary>Finds the closing quote of the string whose content starts at <paramref name="start"/>.</summary>
    private static bool TryFindStringEnd(ReadOnlySpan<byte> chunk, int start, out HoleMatch match)
    {
        match = default;
        ReadOnlySpan<byte> rest = chunk[start..];
        bool escaped = false;
        int end = 0;
        while (true)
        {
            int i = rest[end..].IndexOfAny((byte)'"', (byte)'\\');
            if (i < 0)
            {
                return false;
            }

            end += i;
            if (rest[end] == (byte)'"')
            {
                break;
            }

            escaped = true;
            end += 2; // the escape and the escaped byte (a \u escape's hex digits hold no quote)
            if (end >= rest.Length)
            {
                return false;
            }
        }

        match = new HoleMatch(start, start + end, escaped);
        return true;
    }

    /// <summary>
    /// Finds the end of the integer starting at <paramref name="start"/>: an optional minus and up to 18
    /// digits without a leading zero. Anything else (a fraction, an exponent, a huge number) fails the
    /// match, so the full parse decides about it.
    /// </summary>
    private static bool TryFindIntegerEnd(ReadOnlySpan<byte> chunk, int start, out HoleMatch match)
    {
        match = default;
        int i = start;
        if (i < chunk.Length && chunk[i] == (byte)'-')
        {
            i++;
        }

        int digits = chunk[i..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (digits < 0)
        {
            digits = chunk.Length - i;
        }

        if (digits is 0 or > 18 || (digits > 1 && chunk[i] == (byte)'0'))
        {
            return false;
        }

        match = new HoleMatch(start, i + digits, Escaped: false);
        return true;
    }

    /// <summary>Whether the tails differ only in the whitespace between closing brackets (after the last hole's closing quote).</summary>
    private bool PaddedTailMatches(ReadOnlySpan<byte> chunkTail, ReadOnlySpan<byte> templateTail)
    {
        if (!_tailIsClosingBrackets)
        {
            return false;
        }

        int quote = _holes[_holeCount - 1].Kind == HoleKind.String ? 1 : 0;
        return chunkTail.Length >= quote && chunkTail[..quote].SequenceEqual(templateTail[..quote])
            && SameClosingBrackets(chunkTail[quote..], templateTail[quote..]);
    }

    private static bool IsClosingBrackets(ReadOnlySpan<byte> tail) => tail.IndexOfAnyExcept(ClosingBracketsAndWhiteSpace) < 0;

    /// <summary>Whether both tails are the same closing brackets, whatever JSON whitespace pads them.</summary>
    private static bool SameClosingBrackets(ReadOnlySpan<byte> chunkTail, ReadOnlySpan<byte> templateTail)
    {
        if (!IsClosingBrackets(chunkTail))
        {
            return false;
        }

        int c = 0;
        int t = 0;
        while (true)
        {
            while (c < chunkTail.Length && IsWhiteSpace(chunkTail[c]))
            {
                c++;
            }

            while (t < templateTail.Length && IsWhiteSpace(templateTail[t]))
            {
                t++;
            }

            if (c == chunkTail.Length || t == templateTail.Length)
            {
                return c == chunkTail.Length && t == templateTail.Length;
            }

            if (chunkTail[c++] != templateTail[t++])
            {
                return false;
            }
        }

        static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
    }
}
