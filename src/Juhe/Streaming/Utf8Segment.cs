namespace Juhe.Streaming;

/// <summary>
/// Where a decoded value lives: a range of the chunk's own bytes (when the JSON string needed no
/// unescaping) or of the decoder's scratch buffer (when it did). Absent values have a negative length.
/// </summary>
/// <remarks>
/// A chunk range found by the full parse is in template coordinates and moves with the template's
/// holes when a later chunk matches it; a range found in the matched chunk itself
/// (<paramref name="InMatchedChunk"/>) is already where it is.
/// </remarks>
internal readonly record struct Utf8Segment(int Start, int Length, bool InScratch, bool InMatchedChunk = false)
{
    public static readonly Utf8Segment Absent = new(0, -1, false);

    public bool IsPresent => Length >= 0;
}
