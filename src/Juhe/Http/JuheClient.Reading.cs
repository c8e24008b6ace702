using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Juhe.Http;

// How answers are read: whole bodies into pooled buffers, JSON with its envelope checks, and errors.
public sealed partial class JuheClient
{
    /// <summary>The most bytes of an error body that are read; the rest is left unread.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    private const string RequestIdHeader = "X-Oneapi-Request-Id";

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;

    private static bool IsMediaType(HttpResponseMessage response, string mediaType) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, mediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the whole (decompressed) body into a pooled buffer; a broken connection becomes a <see cref="JuheErrorKind.Transport"/> error.</summary>
    private static async Task<PooledBufferWriter> ReadBodyAsync(HttpResponseMessage response, ResponseContext context, CancellationToken token)
    {
        var body = new PooledBufferWriter(response.Content.Headers.ContentLength is > 0 and < 1 << 24 and long length ? (int)length + 1 : 4096);
        try
        {
            Stream stream = ContentDecoding.Decode(await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false), response.Content.Headers, context);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(body.GetMemory(8192), token).ConfigureAwait(false)) > 0)
                {
                    body.Advance(read);
                }
            }

            return body;
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !token.IsCancellationRequested)
        {
            long received = body.WrittenCount;
            body.Dispose();
            throw context.BodyReadFailure(e, received, streamed: false);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a success body: an error envelope first (a gateway reporting an error with a 2xx status,
    /// as new-api does when quota runs out, or a family's own success rule broken), then the documented shape.
    /// </summary>
    private static TResponse ReadJson<TResponse>(ReadOnlySpan<byte> body, JsonTypeInfo<TResponse> responseType, JuheSuccessRule rule, ResponseContext context)
    {
        if (ErrorBody.IsErrorEnvelope(body) || !SuccessEnvelope.IsSuccess(body, rule))
        {
            throw context.GatewayError(body);
        }

        TResponse? value;
        try
        {
            value = JsonSerializer.Deserialize(body, responseType);
        }
        catch (JsonException e)
        {
            // Nobody reported an error: the answer is not what the schema documents (or was cut off).
            throw context.Failure(JuheErrorKind.InvalidResponse,
                $"The response body is not the documented {typeof(TResponse).Name} shape: {e.Message}", body, e);
        }

        return value ?? throw context.Failure(JuheErrorKind.InvalidResponse, $"The response body is not the documented {typeof(TResponse).Name} shape: it is JSON null.", body);
    }

    /// <summary>Reads at most <see cref="MaxErrorBodyBytes"/> of the body and turns it into the exception.</summary>
    private async Task<JuheApiException> ReadErrorAsync(HttpResponseMessage response, CancellationToken token)
    {
        string? requestId = RequestIdOf(response);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBodyBytes + 1);
        try
        {
            int length = 0;
            Exception? readFailure = null;
            try
            {
                Stream body = ContentDecoding.Decode(
                    await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false),
                    response.Content.Headers,
                    new ResponseContext(response.StatusCode, requestId, _secrets, streamOptions: null));
                await using (body.ConfigureAwait(false))
                {
                    int read;
                    while (length <= MaxErrorBodyBytes
                        && (read = await body.ReadAsync(buffer.AsMemory(length, MaxErrorBodyBytes + 1 - length), token).ConfigureAwait(false)) > 0)
                    {
                        length += read;
                    }
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException or JuheApiException && !token.IsCancellationRequested)
            {
                // The connection broke (or the encoding is unknown or corrupt) while the error was being read: describe what did arrive.
                readFailure = e;
            }

            bool cut = length > MaxErrorBodyBytes;
            JuheApiException error = JuheApiException.FromResponseBody(
                response.StatusCode, buffer.AsSpan(0, Math.Min(length, MaxErrorBodyBytes)), requestId, cut || readFailure is not null, _secrets);
            return error;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
