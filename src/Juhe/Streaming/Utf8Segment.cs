namespace Juhe.Streaming;

/// <summary>
/// Where a decoded value lives: a range of the chunk's own bytes (when the JSON string needed no
/// unescaping) or of the decoder's scratch buffer (when it did). Absent values have a negative length.
/// </summary>
internal readonly record struct Utf8Segment(int Start, int Length, bool InScratch)
{
    public static readonly Utf8Segment Absent = new(0, -1, false);

    public bool IsPresent => Length >= 0;
}
