using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// Reads a legacy text completion stream (<c>/v1/completions</c> with <c>stream: true</c>:
/// <c>data: {"object":"text_completion","choices":[{"text":…}]}</c> … <c>data: [DONE]</c>) as one
/// <see cref="CompletionChunk"/> per choice, without allocating per chunk.
/// </summary>
/// <remarks>
/// It shares <see cref="ChatCompletionStream"/>'s reader and decoder, so it has the same guarantees:
/// spans valid until the next read, errors and truncation raised as <see cref="JuheApiException"/>.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a stream of completion chunks, named like ChatCompletionStream.")]
public sealed class CompletionStream : IDisposable, IAsyncDisposable
{
    private readonly ChunkStreamReader _core;

    /// <summary>Creates a decoder over an event stream.</summary>
    /// <param name="stream">The response body; owned (disposed with this) unless <see cref="SseReaderOptions.LeaveOpen"/>.</param>
    /// <param name="options">Framing limits; <see langword="null"/> for the defaults.</param>
    public CompletionStream(Stream stream, SseReaderOptions? options = null)
    {
        _core = new ChunkStreamReader(stream, options, "completion");
    }

    /// <summary>The item read by the last successful <see cref="TryRead"/> or <see cref="MoveNextAsync"/>; valid until the next read.</summary>
    /// <exception cref="InvalidOperationException">No read has succeeded yet, or the last one returned false.</exception>
    public CompletionChunk Current
    {
        get
        {
            _core.ThrowIfNoCurrent();
            return new CompletionChunk(_core.Decoder, _core.CurrentData, _core.CurrentChoice);
        }
    }

    /// <summary>Whether the stream's <c>[DONE]</c> marker has been read.</summary>
    public bool IsCompleted => _core.IsCompleted;

    /// <summary>How many chunks (JSON payloads) have been decoded so far.</summary>
    public long ChunkCount => _core.ChunkCount;

    /// <summary>The last <c>usage</c> any chunk carried.</summary>
    public ChatStreamUsage? Usage => _core.Usage;

    /// <summary>Reads the next choice's text synchronously.</summary>
    /// <param name="chunk">The item, valid until the next read.</param>
    /// <returns><see langword="false"/> once <c>[DONE]</c> has been read.</returns>
    /// <exception cref="JuheApiException">The stream carried an error, a malformed chunk, or ended before <c>[DONE]</c>.</exception>
    public bool TryRead(out CompletionChunk chunk)
    {
        if (_core.TryRead())
        {
            chunk = new CompletionChunk(_core.Decoder, _core.CurrentData, _core.CurrentChoice);
            return true;
        }

        chunk = default;
        return false;
    }

    /// <summary>Reads the next choice's text, which is then <see cref="Current"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns><see langword="false"/> once <c>[DONE]</c> has been read.</returns>
    /// <exception cref="JuheApiException">The stream carried an error, a malformed chunk, or ended before <c>[DONE]</c>.</exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default) => _core.MoveNextAsync(cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _core.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _core.DisposeAsync();
}
