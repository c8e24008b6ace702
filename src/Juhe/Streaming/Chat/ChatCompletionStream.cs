using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// Reads an OpenAI-style chat completion stream (<c>data: {chat.completion.chunk}</c> … <c>data: [DONE]</c>)
/// as one <see cref="ChatCompletionChunk"/> per choice delta, without allocating per chunk.
/// </summary>
/// <remarks>
/// Construct it over any <see cref="Stream"/> (an HTTP response body, a file, a <see cref="MemoryStream"/>);
/// <c>JuheClient.Chat.StreamAsync</c> returns one. Each item's spans are valid until the next read.
/// An error payload in the stream, an <c>event: error</c>, or an end of stream before <c>[DONE]</c>
/// raises <see cref="JuheApiException"/>; the items read before it remain what they were.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a stream of chat completion chunks; the name is the documented public API.")]
public sealed class ChatCompletionStream : JsonChunkStream
{
    /// <summary>Creates a decoder over an event stream.</summary>
    /// <param name="stream">The response body; owned (disposed with this) unless <see cref="SseReaderOptions.LeaveOpen"/>.</param>
    /// <param name="options">Framing limits; <see langword="null"/> for the defaults.</param>
    public ChatCompletionStream(Stream stream, SseReaderOptions? options = null)
        : base(stream, options, "chat")
    {
    }

    /// <summary>The item read by the last successful <see cref="TryRead"/> or <see cref="JsonChunkStream.MoveNextAsync"/>; valid until the next read.</summary>
    /// <exception cref="InvalidOperationException">No read has succeeded yet, or the last one returned false.</exception>
    public ChatCompletionChunk Current
    {
        get
        {
            ThrowIfNoCurrent();
            return new ChatCompletionChunk(Decoder, CurrentData, CurrentChoice);
        }
    }

    /// <summary>Reads the next choice delta synchronously.</summary>
    /// <param name="chunk">The item, valid until the next read.</param>
    /// <returns><see langword="false"/> once <c>[DONE]</c> has been read.</returns>
    /// <exception cref="JuheApiException">The stream carried an error, a malformed chunk, or ended before <c>[DONE]</c>.</exception>
    public bool TryRead(out ChatCompletionChunk chunk)
    {
        if (TryReadItem())
        {
            chunk = new ChatCompletionChunk(Decoder, CurrentData, CurrentChoice);
            return true;
        }

        chunk = default;
        return false;
    }
}
