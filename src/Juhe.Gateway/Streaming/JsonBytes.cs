using System.Buffers;
using System.Text.Json;

namespace Juhe.Gateway.Streaming;

/// <summary>Writes one JSON value with <see cref="Utf8JsonWriter"/> and returns its bytes.</summary>
internal static class JsonBytes
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
