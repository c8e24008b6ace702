using System.IO.Compression;
using System.Net.Http.Headers;

namespace Juhe.Http;

/// <summary>
/// Undoes the <c>Content-Encoding</c> a response arrived with. The client's own
/// <see cref="HttpClient"/> does not decompress, and a caller's may not either, while a proxy in
/// front of the gateway may compress whatever it is asked; so every body is decoded here, by what
/// its headers say rather than by what was asked for.
/// </summary>
/// <remarks>
/// gzip and deflate only: the brotli decoder adds about 900 KB to a NativeAOT binary, four times
/// Juhe's whole size budget. Brotli is not asked for; a caller who wants it passes an
/// <see cref="HttpClient"/> whose handler decompresses (<c>AutomaticDecompression = DecompressionMethods.All</c>),
/// which then hands over decoded bodies.
/// </remarks>
internal static class ContentDecoding
{
    /// <summary>The encodings asked for on JSON calls.</summary>
    public const string AcceptEncoding = "gzip, deflate";

    /// <summary>Wraps <paramref name="body"/> in the decompressors its encodings need, last applied first.</summary>
    /// <exception cref="JuheApiException">An encoding the client cannot decode (kind <see cref="JuheErrorKind.InvalidResponse"/>).</exception>
    public static Stream Decode(Stream body, HttpContentHeaders headers, ResponseContext context)
    {
        ICollection<string> encodings = headers.ContentEncoding;
        if (encodings.Count == 0)
        {
            return body;
        }

        string[] applied = [.. encodings];
        for (int i = applied.Length - 1; i >= 0; i--)
        {
            body = applied[i].Trim().ToUpperInvariant() switch
            {
                "GZIP" or "X-GZIP" => new GZipStream(body, CompressionMode.Decompress),
                "DEFLATE" => new ZLibStream(body, CompressionMode.Decompress),
                "IDENTITY" or "" => body,
                _ => throw Unsupported(body, applied[i], context),
            };
        }

        return body;
    }

    private static JuheApiException Unsupported(Stream body, string encoding, ResponseContext context)
    {
        body.Dispose();
        return context.Failure(JuheErrorKind.InvalidResponse,
            $"The response is encoded as '{encoding}' (Content-Encoding), which the client cannot decode; it decodes gzip and deflate. " +
            "For brotli, give JuheClientOptions.HttpClient a handler with AutomaticDecompression = DecompressionMethods.All.");
    }
}
