using System.Buffers;

namespace Juhe.Images;

/// <summary>
/// Decodes base64 text to a stream one pooled block at a time, so a multi-megabyte <c>b64_json</c>
/// image is never held twice (as text and as a whole byte array).
/// </summary>
internal static class Base64Chunks
{
    // A multiple of 4 so every full block decodes on its own; 64 Ki chars → 48 KiB of bytes.
    private const int CharsPerBlock = 64 * 1024;

    /// <summary>Writes the bytes that <paramref name="base64"/> encodes to <paramref name="destination"/>; whitespace is skipped.</summary>
    /// <exception cref="FormatException">The text is not base64; the message says at which character.</exception>
    public static async Task WriteAsync(ReadOnlyMemory<char> base64, Stream destination, string what, CancellationToken cancellationToken)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(CharsPerBlock);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(CharsPerBlock / 4 * 3);
        try
        {
            int read = 0;
            while (read < base64.Length)
            {
                int start = read;
                int count = Fill(base64.Span, ref read, chars);
                if (count == 0)
                {
                    break; // only whitespace was left
                }

                if (!Convert.TryFromBase64Chars(chars.AsSpan(0, count), bytes, out int written))
                {
                    throw new FormatException($"{what} is not valid base64 (in the {count} characters from offset {start}).");
                }

                await destination.WriteAsync(bytes.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Copies up to one block of non-whitespace characters; a block that is not the last is a multiple of 4.</summary>
    private static int Fill(ReadOnlySpan<char> source, ref int position, char[] block)
    {
        int count = 0;
        while (position < source.Length && count < CharsPerBlock)
        {
            char c = source[position++];
            if (!char.IsWhiteSpace(c))
            {
                block[count++] = c;
            }
        }

        // Hold back a partial quantum unless the text is done, so each block decodes alone.
        int partial = count % 4;
        if (partial != 0 && HasMoreData(source, position))
        {
            position = BackUp(source, position, partial);
            count -= partial;
        }

        return count;
    }

    private static bool HasMoreData(ReadOnlySpan<char> source, int position)
    {
        foreach (char c in source[position..])
        {
            if (!char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves <paramref name="position"/> back over <paramref name="chars"/> non-whitespace characters.</summary>
    private static int BackUp(ReadOnlySpan<char> source, int position, int chars)
    {
        while (chars > 0)
        {
            if (!char.IsWhiteSpace(source[--position]))
            {
                chars--;
            }
        }

        return position;
    }
}
