namespace Juhe.Gateway.Streaming;

/// <summary>How a family frames its events: line ends, <c>event:</c> lines, padding.</summary>
internal enum LineEnd
{
    /// <summary><c>\n</c>, as new-api and OpenAI write.</summary>
    Lf,

    /// <summary><c>\r\n</c>, as Google writes.</summary>
    CrLf,
}

/// <summary>One server-sent event to write: an optional <c>event:</c> name and one <c>data:</c> line, or a comment.</summary>
internal readonly record struct SseFrame(string? EventName, byte[] Data, bool IsComment = false)
{
    /// <summary>A <c>: text</c> comment line, such as new-api's <c>: PING</c> keep-alive.</summary>
    public static SseFrame Comment(string text) => new(null, System.Text.Encoding.UTF8.GetBytes(text), true);

    /// <summary>The event's bytes on the wire.</summary>
    public byte[] Encode(LineEnd lineEnd)
    {
        string end = lineEnd == LineEnd.CrLf ? "\r\n" : "\n";
        using var buffer = new MemoryStream(Data.Length + 32);
        if (IsComment)
        {
            Write(buffer, ": ");
            buffer.Write(Data);
            Write(buffer, end + end);
            return buffer.ToArray();
        }

        if (EventName is not null)
        {
            Write(buffer, "event: " + EventName + end);
        }

        Write(buffer, "data: ");
        buffer.Write(Data);
        Write(buffer, end + end);
        return buffer.ToArray();
    }

    private static void Write(MemoryStream buffer, string text) => buffer.Write(System.Text.Encoding.UTF8.GetBytes(text));
}
