using System.Text;

namespace Juhe.Tests.Streaming.RealStreams;

/// <summary>
/// What a stream amounts to by its format's rules: per choice or candidate the text, reasoning, tool
/// calls and finish reason, the usage, and how it ended ("completed", "gateway error", "truncated").
/// Text read before an error is kept, so where the error came is part of the comparison.
/// </summary>
internal sealed class StreamSummary
{
    private readonly SortedDictionary<string, StringBuilder> _fields = new(StringComparer.Ordinal);

    public string End { get; set; } = "";

    public string Usage { get; set; } = "";

    /// <summary>Appends to a field; empty text leaves it as it was (absent and empty values read the same).</summary>
    public void Append(string field, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (!_fields.TryGetValue(field, out StringBuilder? value))
        {
            _fields[field] = value = new StringBuilder();
        }

        value.Append(text);
    }

    public void Set(string field, string text)
    {
        _fields[field] = new StringBuilder(text);
    }

    public override string ToString()
    {
        var all = new StringBuilder();
        foreach ((string field, StringBuilder value) in _fields)
        {
            all.Append(field).Append(" = ").Append(value).Append('\n');
        }

        return all.Append("usage = ").Append(Usage).Append("\nend = ").Append(End).ToString();
    }
}
