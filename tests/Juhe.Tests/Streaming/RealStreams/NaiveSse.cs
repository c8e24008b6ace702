using System.Text;

namespace Juhe.Tests.Streaming.RealStreams;

/// <summary>
/// A deliberately simple event-stream reader for the oracle: whole text, any line end, fields by
/// name, events at blank lines, and (as the typed streams do) a last event without its blank line.
/// </summary>
internal static class NaiveSse
{
    public static List<(string Type, string Data)> Parse(byte[] bytes)
    {
        string text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var events = new List<(string, string)>();
        string? type = null;
        var data = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                Dispatch();
                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string field = colon < 0 ? line : line[..colon];
            string value = colon < 0 ? "" : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            if (field == "event")
            {
                type = value;
            }
            else if (field == "data")
            {
                data.Add(value);
            }
        }

        Dispatch();
        return events;

        void Dispatch()
        {
            if (data.Count > 0)
            {
                events.Add((string.IsNullOrEmpty(type) ? "message" : type, string.Join('\n', data)));
            }

            type = null;
            data.Clear();
        }
    }
}
