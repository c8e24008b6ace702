namespace Juhe.Http;

/// <summary>The media types of the files a gateway's upload routes take, by extension.</summary>
internal static class MediaTypes
{
    public const string OctetStream = "application/octet-stream";

    public static string FromFileName(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".PNG" => "image/png",
        ".JPG" or ".JPEG" => "image/jpeg",
        ".WEBP" => "image/webp",
        ".GIF" => "image/gif",
        ".BMP" => "image/bmp",
        ".MP3" or ".MPGA" or ".MPEG" => "audio/mpeg",
        ".WAV" => "audio/wav",
        ".M4A" => "audio/mp4",
        ".OGG" or ".OGA" => "audio/ogg",
        ".FLAC" => "audio/flac",
        ".OPUS" => "audio/opus",
        ".WEBM" => "video/webm",
        ".MP4" => "video/mp4",
        ".MOV" => "video/quicktime",
        ".JSON" => "application/json",
        ".TXT" => "text/plain",
        ".PDF" => "application/pdf",
        _ => OctetStream,
    };
}
