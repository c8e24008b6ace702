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

    /// <summary>Serializes <paramref name="value"/>; with a <paramref name="streamFlag"/>, that top-level member is decided here, not by the value.</summary>
    /// <param name="value">The body.</param>
    /// <param name="type">Its serialization metadata.</param>
    /// <param name="streamFlag">
    /// The member that says whether to answer with a stream (such as <c>stream</c>), or <see langword="null"/>.
    /// Whatever the value holds, the member is written as <c>true</c> when <paramref name="streaming"/> and
    /// left out otherwise, so one request object can serve both kinds of call, even concurrently.
    /// </param>
    /// <param name="streaming">Whether the call reads an event stream.</param>
    public static PooledJsonContent Create<T>(T value, JsonTypeInfo<T> type, string? streamFlag, bool streaming)
    {
        PooledJsonContent content = Create(value, type);
        if (streamFlag is not null)
        {
            try
            {
                SetFlag(content._body, streamFlag, streaming);
                if (streaming && value is Chat.ChatCompletionRequest { StreamOptions: null })
                {
                    // new-api can drop the final finish chunk, and sends no usage, unless the stream asks for
                    // usage; a caller who set stream_options (even include_usage=false) keeps their choice.
                    InsertFirst(content._body, "\"stream_options\":{\"include_usage\":true}"u8);
                }
            }
            catch
            {
                content.Dispose();
                throw;
            }
        }

        return content;
    }

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

    /// <summary>Removes the top-level <paramref name="member"/> the serializer wrote, then, when <paramref name="value"/>, writes it first as <c>true</c>.</summary>
    private static void SetFlag(PooledBufferWriter body, string member, bool value)
    {
        ReadOnlySpan<byte> json = body.WrittenSpan;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidOperationException($"A request body with a '{member}' flag must serialize to a JSON object; it begins with {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int start = (int)reader.TokenStartIndex;
            bool match = reader.ValueTextEquals(member);
            reader.Read();
            reader.Skip();
            if (!match)
            {
                continue;
            }

            int end = (int)reader.BytesConsumed;
            end += CountWhiteSpace(json[end..]);
            if (json[end] == (byte)',')
            {
                end++; // "a":1,"stream":x,"b":2 → drop the comma after it
            }
            else
            {
                int before = start - 1;
                while (IsWhiteSpace(json[before]))
                {
                    before--;
                }

                if (json[before] == (byte)',')
                {
                    start = before; // "a":1,"stream":x} → drop the comma before it
                }
            }

            body.Splice(start, end, []);
            break;
        }

        if (value)
        {
            InsertFirst(body, System.Text.Encoding.UTF8.GetBytes($"\"{member}\":true"));
        }
    }

    /// <summary>Writes <paramref name="member"/> (<c>"name":value</c>) as the first member of the serialized object.</summary>
    private static void InsertFirst(PooledBufferWriter body, ReadOnlySpan<byte> member)
    {
        ReadOnlySpan<byte> rest = body.WrittenSpan[1..];
        bool empty = rest[CountWhiteSpace(rest)] == (byte)'}';
        byte[] text = new byte[member.Length + (empty ? 0 : 1)];
        member.CopyTo(text);
        if (!empty)
        {
            text[^1] = (byte)',';
        }

        body.Splice(1, 1, text);
    }

    private static int CountWhiteSpace(ReadOnlySpan<byte> json)
    {
        int count = 0;
        while (count < json.Length && IsWhiteSpace(json[count]))
        {
            count++;
        }

        return count;
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

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
