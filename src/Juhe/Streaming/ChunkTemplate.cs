using System.Buffers;

namespace Juhe.Streaming;

/// <summary>
/// The bytes of the last fully parsed chunk with up to two string values cut out as "holes".
/// A new chunk matches when everything outside the holes is byte-identical; then only the strings
/// that fill the holes are new, and every other value decodes exactly as it did in the template.
/// </summary>
/// <remarks>
/// Two holes cover the reasoning phase, where gateways repeat each token under
/// <c>reasoning_content</c> and <c>reasoning</c>. Positions are byte offsets in the template; after a
/// match, a template offset past a hole's end moves by that hole's <see cref="Shift"/> in the new chunk.
/// </remarks>
internal sealed class ChunkTemplate : IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1024);
    private int _length;
    private Hole _first;
    private Hole _second;
    private int _holeCount;

    // Per match: how far the bytes after each hole moved in the new chunk.
    private int _firstShift;
    private int _secondShift;

    public bool IsEmpty => _holeCount == 0;

    public Hole First => _first;

    public Hole Second => _second;

    public int HoleCount => _holeCount;

    public void Clear()
    {
        _holeCount = 0;
        _firstShift = _secondShift = 0;
    }

    public void Set(ReadOnlySpan<byte> chunk, Hole first, Hole second)
    {
        if (_bytes.Length < chunk.Length)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(chunk.Length);
        }

        chunk.CopyTo(_bytes);
        _length = chunk.Length;
        _first = first;
        _second = second;
        _holeCount = second.Kind == HoleKind.None ? 1 : 2;
        _firstShift = _secondShift = 0;
    }

    /// <summary>Where a byte at template offset <paramref name="position"/> (outside the holes) is in the last matched chunk.</summary>
    public int Shift(int position) =>
        _holeCount == 0 || position <= _first.End ? position
        : _holeCount == 1 || position <= _second.End ? position + _firstShift
        : position + _secondShift;

    /// <summary>
    /// Whether <paramref name="chunk"/> is the template with new strings in the holes; if so, where
    /// those strings are and whether they contain escapes.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<byte> chunk, out HoleMatch first, out HoleMatch second)
    {
        second = default;
        ReadOnlySpan<byte> template = _bytes.AsSpan(0, _length);
        if (!TryMatchHole(chunk, template, 0, 0, _first, out first))
        {
            return false;
        }

        int chunkPosition = first.End;
        int templatePosition = _first.End;
        if (_holeCount == 2)
        {
            if (!TryMatchHole(chunk, template, chunkPosition, templatePosition, _second, out second))
            {
                return false;
            }

            chunkPosition = second.End;
            templatePosition = _second.End;
        }

        if (!chunk[chunkPosition..].SequenceEqual(template[templatePosition..]))
        {
            return false;
        }

        _firstShift = first.End - _first.End;
        _secondShift = second.End - _second.End;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        _holeCount = 0;
    }

    /// <summary>Compares the bytes before <paramref name="hole"/>, then finds the end of the string that fills it.</summary>
    private static bool TryMatchHole(ReadOnlySpan<byte> chunk, ReadOnlySpan<byte> template, int chunkPosition, int templatePosition, Hole hole, out HoleMatch match)
    {
        match = default;
        int before = hole.Start - templatePosition;
        if (chunk.Length - chunkPosition < before || !chunk.Slice(chunkPosition, before).SequenceEqual(template.Slice(templatePosition, before)))
        {
            return false;
        }

        int start = chunkPosition + before;
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
}

/// <summary>What kind of value a template hole holds.</summary>
internal enum HoleKind : byte
{
    None,
    Content,
    Reasoning,
    ToolArguments,

    /// <summary>A value that must be a valid string but is not read (the duplicate <c>reasoning</c>).</summary>
    Ignored,
}

/// <summary>A string value in the template: its content between the quotes, [Start, End); <paramref name="Slot"/> is the tool call it belongs to.</summary>
internal readonly record struct Hole(HoleKind Kind, int Start, int End, int Slot = 0);

/// <summary>The string that fills a hole in a matched chunk: its content between the quotes, [Start, End).</summary>
internal readonly record struct HoleMatch(int Start, int End, bool Escaped);
