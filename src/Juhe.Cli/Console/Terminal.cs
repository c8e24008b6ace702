using System.Text;

namespace Juhe.Cli;

/// <summary>
/// Where output goes: stdout as a UTF-8 byte stream (tokens are written as the UTF-8 spans they
/// arrive as, with no string in between), stderr for status lines, and ANSI styling only when a
/// person is watching (a terminal, no <c>NO_COLOR</c>, not <c>TERM=dumb</c>).
/// </summary>
internal static class Terminal
{
    private static readonly Stream StdOut = Console.OpenStandardOutput();

    public static TextWriter Error { get; } = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };

    public static bool IsInteractive { get; } = !Console.IsOutputRedirected;

    public static bool StyledErrors { get; } = !Console.IsErrorRedirected && UseColor();

    public static bool Styled { get; } = IsInteractive && UseColor();

    public static void Write(ReadOnlySpan<byte> utf8) => StdOut.Write(utf8);

    public static void Write(string text) => StdOut.Write(Encoding.UTF8.GetBytes(text));

    public static void WriteLine(string text = "") => Write(text + "\n");

    public static void Flush() => StdOut.Flush();

    /// <summary>Starts dim text (reasoning) when styled.</summary>
    public static void Dim()
    {
        if (Styled)
        {
            StdOut.Write("\e[2m"u8);
        }
    }

    /// <summary>Ends any styling.</summary>
    public static void Plain()
    {
        if (Styled)
        {
            StdOut.Write("\e[0m"u8);
        }
    }

    private static bool UseColor() =>
        Environment.GetEnvironmentVariable("NO_COLOR") is null or ""
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
