using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Juhe.Http;

/// <summary>
/// A JSON request body serialized once into a pooled buffer. The same instance is attached to
/// every attempt of a retried request, so a retry resends exactly the same bytes without
/// serializing again; disposing it returns the buffer to the pool.
/// </summary>
internal sealed class PooledJsonContent : HttpContent
{
    private readonly PooledBufferWriter _body;

    private PooledJsonContent(PooledBufferWriter body)
    {
        _body = body;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    /// <summary>The serialized bytes (valid until disposal).</summary>
    public ReadOnlyMemory<byte> Bytes => _body.WrittenMemory;

    public static PooledJsonContent Create<T>(T value, JsonTypeInfo<T> type)
    {
        var body = new PooledBufferWriter();
        try
        {
            JsonSerializerOptions options = type.Options;
            using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions
            {
                // Request bodies are JSON for an API, never embedded in HTML: send non-ASCII text (Chinese
                // prompts) as raw UTF-8 rather than \uXXXX escapes, which would double its size on the wire.
                Encoder = options.Encoder ?? JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                Indented = options.WriteIndented,
                MaxDepth = options.MaxDepth,
                SkipValidation = true,
            }))
            {
                JsonSerializer.Serialize(writer, value, type);
            }

            return new PooledJsonContent(body);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_body.WrittenMemory).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_body.WrittenMemory, cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(_body.WrittenSpan);

    protected override bool TryComputeLength(out long length)
    {
        length = _body.WrittenCount;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
        }

        base.Dispose(disposing);
    }
}
