using System.Text;

namespace Juhe.Streaming;

/// <summary>
/// One fragment of a streamed tool call. The first fragment of a call carries its id and name;
/// later ones carry only argument text to append, matched by <see cref="Index"/>.
/// Spans are valid until the stream's next read.
/// </summary>
public readonly ref struct ChatToolCallFragment
{
    internal ChatToolCallFragment(int index, ReadOnlySpan<byte> id, ReadOnlySpan<byte> type, ReadOnlySpan<byte> name, ReadOnlySpan<byte> arguments)
    {
        Index = index;
        IdUtf8 = id;
        TypeUtf8 = type;
        NameUtf8 = name;
        ArgumentsUtf8 = arguments;
    }

    /// <summary>Which tool call of the choice this fragment belongs to.</summary>
    public int Index { get; }

    /// <summary>The call id (<c>call_…</c>) in UTF-8; empty on fragments after the first.</summary>
    public ReadOnlySpan<byte> IdUtf8 { get; }

    /// <summary>The call type (<c>function</c>) in UTF-8; empty when absent.</summary>
    public ReadOnlySpan<byte> TypeUtf8 { get; }

    /// <summary>The function name in UTF-8; empty on fragments after the first.</summary>
    public ReadOnlySpan<byte> NameUtf8 { get; }

    /// <summary>The fragment of the JSON argument text, unescaped UTF-8, to append to what came before.</summary>
    public ReadOnlySpan<byte> ArgumentsUtf8 { get; }

    /// <summary>Allocates a string of <see cref="IdUtf8"/>.</summary>
    public string IdString() => Encoding.UTF8.GetString(IdUtf8);

    /// <summary>Allocates a string of <see cref="NameUtf8"/>.</summary>
    public string NameString() => Encoding.UTF8.GetString(NameUtf8);

    /// <summary>Allocates a string of <see cref="ArgumentsUtf8"/>.</summary>
    public string ArgumentsString() => Encoding.UTF8.GetString(ArgumentsUtf8);
}
