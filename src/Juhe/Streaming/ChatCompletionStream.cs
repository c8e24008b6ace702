using System.Net;
using System.Runtime.CompilerServices;
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
public sealed class ChatCompletionStream : IDisposable, IAsyncDisposable
{
    private readonly SseReader _reader;
    private readonly ChatChunkDecoder _decoder = new();
    private int _itemCount; // items in the current chunk
    private int _nextItem;
    private int _currentChoice = -1; // choice slot of Current; -1 for a usage-only item
    private bool _hasCurrent;

    /// <summary>Creates a decoder over an event stream.</summary>
    /// <param name="stream">The response body; owned (disposed with this) unless <see cref="SseReaderOptions.LeaveOpen"/>.</param>
    /// <param name="options">Framing limits; <see langword="null"/> for the defaults.</param>
    public ChatCompletionStream(Stream stream, SseReaderOptions? options = null)
    {
        _reader = new SseReader(stream, options);
    }

    /// <summary>The item read by the last successful <see cref="TryRead"/> or <see cref="MoveNextAsync"/>; valid until the next read.</summary>
    public ChatCompletionChunk Current
    {
        get
        {
            if (!_hasCurrent)
            {
                throw new InvalidOperationException("There is no current chunk: call MoveNextAsync or TryRead first, and only use Current while it returned true.");
            }

            return new ChatCompletionChunk(_decoder, _reader.Current.Data, _currentChoice);
        }
    }

    /// <summary>Whether the stream's <c>[DONE]</c> marker has been read.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>How many chunks (JSON payloads) have been decoded so far.</summary>
    public long ChunkCount { get; private set; }

    /// <summary>The last <c>usage</c> any chunk carried (gateways may send it on the last content chunk or a usage-only chunk).</summary>
    public ChatUsage? Usage { get; private set; }

    /// <summary>Reads the next choice delta synchronously.</summary>
    /// <param name="chunk">The item, valid until the next read.</param>
    /// <returns><see langword="false"/> once <c>[DONE]</c> has been read.</returns>
    /// <exception cref="JuheApiException">The stream carried an error, a malformed chunk, or ended before <c>[DONE]</c>.</exception>
    public bool TryRead(out ChatCompletionChunk chunk)
    {
        while (!TryNextItem())
        {
            if (IsCompleted)
            {
                chunk = default;
                return false;
            }

            if (!_reader.TryRead(out SseEvent sseEvent))
            {
                throw Truncated();
            }

            Accept(sseEvent);
        }

        chunk = Current;
        return true;
    }

    /// <summary>Reads the next choice delta, which is then <see cref="Current"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns><see langword="false"/> once <c>[DONE]</c> has been read.</returns>
    /// <exception cref="JuheApiException">The stream carried an error, a malformed chunk, or ended before <c>[DONE]</c>.</exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        while (!TryNextItem())
        {
            if (IsCompleted)
            {
                return new ValueTask<bool>(false);
            }

            ValueTask<bool> read = _reader.MoveNextAsync(cancellationToken);
            if (!read.IsCompletedSuccessfully)
            {
                return AwaitEventAsync(read, cancellationToken);
            }

            if (!read.Result)
            {
                throw Truncated();
            }

            Accept(_reader.Current);
        }

        return new ValueTask<bool>(true);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AwaitEventAsync(ValueTask<bool> pending, CancellationToken cancellationToken)
    {
        if (!await pending.ConfigureAwait(false))
        {
            throw Truncated();
        }

        Accept(_reader.Current);
        return await MoveNextAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _hasCurrent = false;
        _reader.Dispose();
        _decoder.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _hasCurrent = false;
        await _reader.DisposeAsync().ConfigureAwait(false);
        _decoder.Dispose();
    }

    private bool TryNextItem()
    {
        if (_nextItem >= _itemCount)
        {
            _hasCurrent = false;
            return false;
        }

        _currentChoice = _decoder.ChoiceCount == 0 ? -1 : _nextItem;
        _nextItem++;
        _hasCurrent = true;
        return true;
    }

    private void Accept(SseEvent sseEvent)
    {
        _itemCount = _nextItem = 0;
        ReadOnlySpan<byte> data = sseEvent.Data;
        if (sseEvent.IsType("error"u8))
        {
            throw JuheApiException.FromResponseBody(HttpStatusCode.OK, data, requestId: null);
        }

        if (!sseEvent.IsType("message"u8) || data.Trim(" \t\r\n"u8).IsEmpty)
        {
            return; // unknown event types and empty keep-alive events carry no chunk
        }

        if (data.SequenceEqual("[DONE]"u8))
        {
            IsCompleted = true;
            return;
        }

        _decoder.Decode(data);
        ChunkCount++;
        if (_decoder.Usage is { } usage)
        {
            Usage = usage;
        }

        _itemCount = _decoder.ChoiceCount > 0 ? _decoder.ChoiceCount : _decoder.Usage is null ? 0 : 1;
    }

    private JuheApiException Truncated() => new(
        $"The chat stream ended after {ChunkCount} chunk(s) without its [DONE] marker, so the response is truncated " +
        "(the connection closed or the gateway stopped early). The chunks read before this remain valid.");
}
