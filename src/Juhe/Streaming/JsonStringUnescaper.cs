using System.Text;

namespace Juhe.Streaming;

/// <summary>
/// Unescapes the common JSON string escapes of a streamed token without the cost of setting up a
/// <see cref="System.Text.Json.Utf8JsonReader"/> per token. Anything unusual (a lone surrogate, a
/// control character, a bad escape) returns <see langword="false"/> so the caller takes the reader's
/// path, which reports errors exactly as a full parse would.
/// </summary>
internal static class JsonStringUnescaper
{
    /// <param name="raw">The string's bytes between its quotes, escapes included.</param>
    /// <param name="destination">Room for at least <c>raw.Length</c> bytes (unescaping never lengthens).</param>
    /// <param name="written">How many bytes were written.</param>
    public static bool TryUnescape(ReadOnlySpan<byte> raw, Span<byte> destination, out int written)
    {
        written = 0;
        int i = 0;
        while (i < raw.Length)
        {
            int run = raw[i..].IndexOf((byte)'\\');
            if (run < 0)
            {
                run = raw.Length - i;
            }

            raw.Slice(i, run).CopyTo(destination[written..]);
            written += run;
            i += run;
            if (i == raw.Length)
            {
                break;
            }

            if (i + 1 >= raw.Length)
            {
                return false;
            }

            byte escaped = raw[i + 1];
            i += 2;
            switch (escaped)
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                    destination[written++] = escaped;
                    break;
                case (byte)'n':
                    destination[written++] = (byte)'\n';
                    break;
                case (byte)'t':
                    destination[written++] = (byte)'\t';
                    break;
                case (byte)'r':
                    destination[written++] = (byte)'\r';
                    break;
                case (byte)'b':
                    destination[written++] = (byte)'\b';
                    break;
                case (byte)'f':
                    destination[written++] = (byte)'\f';
                    break;
                case (byte)'u':
                    if (!TryReadHex(raw, ref i, out int code))
                    {
                        return false;
                    }

                    if (char.IsHighSurrogate((char)code))
                    {
                        // Only a well-formed pair is handled here.
                        if (i + 1 >= raw.Length || raw[i] != (byte)'\\' || raw[i + 1] != (byte)'u')
                        {
                            return false;
                        }

                        i += 2;
                        if (!TryReadHex(raw, ref i, out int low) || !char.IsLowSurrogate((char)low))
                        {
                            return false;
                        }

                        code = char.ConvertToUtf32((char)code, (char)low);
                    }
                    else if (char.IsLowSurrogate((char)code))
                    {
                        return false;
                    }

                    written += new Rune(code).EncodeToUtf8(destination[written..]);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool TryReadHex(ReadOnlySpan<byte> raw, ref int i, out int value)
    {
        value = 0;
        if (i + 4 > raw.Length)
        {
            return false;
        }

        for (int end = i + 4; i < end; i++)
        {
            int digit = raw[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => raw[i] - '0',
                >= (byte)'a' and <= (byte)'f' => raw[i] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => raw[i] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
