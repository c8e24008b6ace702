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
public sealed class CompletionStream : JsonChunkStream
{
    /// <summary>Creates a decoder over an event stream.</summary>
    /// <param name="stream">The response body; owned (disposed with this) unless <see cref="SseReaderOptions.LeaveOpen"/>.</param>
    /// <param name="options">Framing limits; <see langword="null"/> for the defaults.</param>
    public CompletionStream(Stream stream, SseReaderOptions? options = null)
        : base(stream, options, "completion")
    {
    }

    /// <summary>The item read by the last successful <see cref="TryRead"/> or <see cref="JsonChunkStream.MoveNextAsync"/>; valid until the next read.</summary>
    /// <exception cref="InvalidOperationException">No read has succeeded yet, or the last one returned false.</exception>
    public CompletionChunk Current
    {
        get
        {
            ThrowIfNoCurrent();
            return new CompletionChunk(Decoder, CurrentData, CurrentChoice);
        }
    }

    /// <summary>Reads the next choice's text synchronously.</summary>
    /// <param name="chunk">The item, valid until the next read.</param>
    /// <returns><see langword="false"/> once <c>[DONE]</c> has been read.</returns>
    /// <exception cref="JuheApiException">The stream carried an error, a malformed chunk, or ended before <c>[DONE]</c>.</exception>
    public bool TryRead(out CompletionChunk chunk)
    {
        if (TryReadItem())
        {
            chunk = new CompletionChunk(Decoder, CurrentData, CurrentChoice);
            return true;
        }

        chunk = default;
        return false;
    }
}
