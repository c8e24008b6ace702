using System.Net;
using System.Runtime.CompilerServices;
using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// The machinery under the OpenAI-style streams (<see cref="ChatCompletionStream"/>, <see cref="CompletionStream"/>):
/// reads <c>data:</c> events, decodes each JSON chunk, hands out one item per choice, and turns
/// error payloads, <c>event: error</c> and an end before <c>[DONE]</c> into <see cref="JuheApiException"/>.
/// </summary>
internal sealed class ChunkStreamReader : IDisposable, IAsyncDisposable
{
    private readonly SseReader _reader;
    private readonly string _streamName;
    private int _itemCount; // items in the current chunk
    private int _nextItem;

    public ChunkStreamReader(Stream stream, SseReaderOptions? options, string streamName)
    {
        _reader = new SseReader(stream, options);
        _streamName = streamName;
    }

    public ChatChunkDecoder Decoder { get; } = new();

    public bool HasCurrent { get; private set; }

    /// <summary>The choice slot of the current item; -1 for a usage-only item.</summary>
    public int CurrentChoice { get; private set; } = -1;

    /// <summary>The current chunk's bytes, which the decoder's segments point into.</summary>
    public ReadOnlySpan<byte> CurrentData => _reader.Current.Data;

    public bool IsCompleted { get; private set; }

    public long ChunkCount { get; private set; }

    public ChatStreamUsage? Usage { get; private set; }

    public void ThrowIfNoCurrent()
    {
        if (!HasCurrent)
        {
            throw new InvalidOperationException("There is no current chunk: call MoveNextAsync or TryRead first, and only use Current while it returned true.");
        }
    }

    public bool TryRead()
    {
        while (!TryNextItem())
        {
            if (IsCompleted)
            {
                return false;
            }

            if (!_reader.TryRead(out SseEvent sseEvent))
            {
                throw Truncated();
            }

            Accept(sseEvent);
        }

        return true;
    }

    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
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

    public void Dispose()
    {
        HasCurrent = false;
        _reader.Dispose();
        Decoder.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        HasCurrent = false;
        await _reader.DisposeAsync().ConfigureAwait(false);
        Decoder.Dispose();
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

    private bool TryNextItem()
    {
        if (_nextItem >= _itemCount)
        {
            HasCurrent = false;
            return false;
        }

        CurrentChoice = Decoder.ChoiceCount == 0 ? -1 : _nextItem;
        _nextItem++;
        HasCurrent = true;
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

        Decoder.Decode(data);
        ChunkCount++;
        if (Decoder.Usage is { } usage)
        {
            Usage = usage;
        }

        _itemCount = Decoder.ChoiceCount > 0 ? Decoder.ChoiceCount : Decoder.Usage is null ? 0 : 1;
    }

    private JuheApiException Truncated() => new(
        $"The {_streamName} stream ended after {ChunkCount} chunk(s) without its [DONE] marker, so the response is truncated " +
        "(the connection closed or the gateway stopped early). The chunks read before this remain valid.");
}
