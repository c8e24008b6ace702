using System.Text;

namespace Juhe.Gateway.Serving;

/// <summary>
/// Bytes standing in for generated media: the format's real magic header (so a player or a sniffer
/// recognizes it) followed by deterministic filler, written in pieces so large answers stream.
/// </summary>
internal static class GeneratedFile
{
    private const int PieceSize = 16 * 1024;

    /// <summary>The media type of a file name's extension.</summary>
    public static string MediaTypeOf(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".MP4" => "video/mp4",
        ".PNG" => "image/png",
        ".JPG" or ".JPEG" => "image/jpeg",
        ".MP3" => "audio/mpeg",
        ".WAV" => "audio/wav",
        _ => "application/octet-stream",
    };

    /// <summary>The extension of a media type: <c>video/mp4</c> → <c>.mp4</c>.</summary>
    public static string ExtensionOf(string mediaType) => mediaType switch
    {
        "video/mp4" => ".mp4",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "audio/mpeg" or "audio/mp3" => ".mp3",
        "audio/wav" or "audio/x-wav" => ".wav",
        _ => ".bin",
    };

    /// <summary>Writes <paramref name="length"/> bytes of a <paramref name="mediaType"/> file.</summary>
    public static async Task WriteAsync(Stream body, string mediaType, int length, CancellationToken cancellationToken)
    {
        byte[] header = HeaderOf(mediaType);
        byte[] piece = new byte[PieceSize];
        int written = 0;
        while (written < length)
        {
            int count = Math.Min(PieceSize, length - written);
            for (int i = 0; i < count; i++)
            {
                int position = written + i;
                piece[i] = position < header.Length ? header[position] : (byte)(position * 31 % 251);
            }

            await body.WriteAsync(piece.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            written += count;
        }
    }

    private static byte[] HeaderOf(string mediaType) => mediaType switch
    {
        "video/mp4" => [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8],
        "image/png" => [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A],
        "image/jpeg" => [0xFF, 0xD8, 0xFF, 0xE0],
        "audio/mpeg" or "audio/mp3" => [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0],
        "audio/wav" or "audio/x-wav" => [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVEfmt "u8],
        _ => Encoding.ASCII.GetBytes("JUHE"),
    };
}
