namespace Juhe.Streaming;

/// <summary>What a template hole holds: a JSON string (its content between the quotes) or an integer.</summary>
internal enum HoleKind : byte
{
    String,
    Integer,
}

/// <summary>
/// A value cut out of a template: bytes [Start, End) of the template (a string's content between its
/// quotes, or an integer's digits). <paramref name="Slot"/> is the number the format's decoder gave the
/// field, so it knows where to put the new value.
/// </summary>
internal readonly record struct Hole(HoleKind Kind, int Slot, int Start, int End);

/// <summary>The value that fills a hole in a matched chunk: bytes [Start, End) of the chunk; <paramref name="Escaped"/> when a string holds escapes.</summary>
internal readonly record struct HoleMatch(int Start, int End, bool Escaped);
