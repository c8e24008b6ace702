using System.Text;

namespace Juhe.Tests.Engine;

/// <summary>One part of a recorded multipart body, split the way a server would split it.</summary>
public sealed record MultipartPart(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string Disposition => Headers["Content-Disposition"];

    public string? ContentType => Headers.TryGetValue("Content-Type", out string? type) ? type : null;

    /// <summary>Splits a <c>multipart/form-data</c> body by the boundary its content type names.</summary>
    public static IReadOnlyList<MultipartPart> Parse(string contentType, byte[] body)
    {
        string boundary = contentType.Split("boundary=")[1].Trim('"');
        byte[] delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<MultipartPart>();
        ReadOnlySpan<byte> rest = body;
        int first = rest.IndexOf(delimiter);
        rest = rest[(first + delimiter.Length)..];
        while (!rest.StartsWith("--"u8))
        {
            rest = rest[2..]; // CRLF after the delimiter
            int headerEnd = rest.IndexOf("\r\n\r\n"u8);
            var headers = Encoding.ASCII.GetString(rest[..headerEnd])
                .Split("\r\n")
                .Select(line => line.Split(':', 2))
                .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.OrdinalIgnoreCase);
            rest = rest[(headerEnd + 4)..];
            int next = rest.IndexOf(delimiter);
            parts.Add(new MultipartPart(headers, rest[..(next - 2)].ToArray())); // CRLF before the delimiter
            rest = rest[(next + delimiter.Length)..];
        }

        return parts;
    }
}
