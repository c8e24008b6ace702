using System.Net.Http.Headers;

namespace Juhe.Http;

/// <summary>
/// A file the gateway answered with (speech audio, a video's content): its media type, its length
/// when the server said it, and its bytes as a stream straight from the socket. Read it, copy it or
/// save it once; nothing is buffered whole. Disposing it releases the connection.
/// </summary>
public sealed class JuheBinaryResponse : IDisposable, IAsyncDisposable
{
    private const int BlockSize = 81920;
    private readonly HttpResponseMessage _response;

    internal JuheBinaryResponse(Stream content, HttpResponseMessage response, string? requestId)
    {
        Content = content;
        _response = response;
        RequestId = requestId;
        HttpContentHeaders headers = response.Content.Headers;
        ContentType = headers.ContentType?.MediaType;
        ContentLength = headers.ContentEncoding.Count == 0 ? headers.ContentLength : null;
        FileName = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"');
    }

    /// <summary>The media type (such as <c>audio/mpeg</c> or <c>video/mp4</c>), when the server sent one.</summary>
    public string? ContentType { get; }

    /// <summary>The number of bytes, when the server announced it (and the body is not compressed).</summary>
    public long? ContentLength { get; }

    /// <summary>The file name from <c>Content-Disposition</c>, when the server sent one.</summary>
    public string? FileName { get; }

    /// <summary>The <c>X-Oneapi-Request-Id</c> of the response, when present.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// The bytes, read from the socket as they are asked for. A read fails with a
    /// <see cref="TimeoutException"/> after <see cref="JuheClientOptions.StreamIdleTimeout"/> without
    /// bytes, and with <see cref="JuheApiException"/> (<see cref="JuheErrorKind.Transport"/>) if the connection breaks.
    /// </summary>
    public Stream Content { get; }

    /// <summary>Copies the bytes to <paramref name="destination"/>, one pooled block at a time.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when every byte has been copied.</returns>
    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Content.CopyToAsync(destination, BlockSize, cancellationToken);
    }

    /// <summary>
    /// Writes the bytes to the file at <paramref name="path"/> (replacing it), streaming them; if the
    /// download fails part-way the partial file is deleted, so a file at the path is always whole.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default) =>
        WholeFile.WriteAsync(path, CopyToAsync, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
