using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// What the OpenAI-style streams (<see cref="ChatCompletionStream"/>, <see cref="CompletionStream"/>)
/// share: it reads <c>data:</c> events, decodes each JSON chunk without allocating, hands out one
/// item per choice, and turns error payloads, <c>event: error</c> and an end before <c>[DONE]</c>
/// into <see cref="JuheApiException"/>. Derived types add the typed <c>Current</c> item.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a stream of JSON chunks; the derived names end the same way.")]
public abstract class JsonChunkStream : IDisposable, IAsyncDisposable
{
    private readonly EventPump<ChatEventDecoder> _pump;
    private readonly ChatStreamState _state = new();

    private protected JsonChunkStream(Stream stream, SseReaderOptions? options, string streamName)
    {
        // A body JuheClient opened knows its response and the client's stream options.
        ResponseContext context = ResponseContext.Of(stream);
        Decoder.Context = context;
        _pump = new EventPump<ChatEventDecoder>(stream, options, context, new ChatEventDecoder(Decoder, _state, streamName));
    }

    /// <summary>Whether the stream's <c>[DONE]</c> marker has been read.</summary>
    public bool IsCompleted => _pump.IsCompleted;

    /// <summary>How many chunks (JSON payloads) have been decoded so far.</summary>
    public long ChunkCount => _state.ChunkCount;

    /// <summary>The last <c>usage</c> any chunk carried (gateways may send it on the last content chunk or a usage-only chunk).</summary>
    public ChatStreamUsage? Usage => _state.Usage;

    /// <summary>
    /// Whether the stream reached <c>[DONE]</c> without any chunk carrying a <c>finish_reason</c>. Some
    /// upstreams never send one (Snowflake Cortex); the text is then complete, but why it stopped
    /// (end of turn, length, tool calls) is unknown. <see langword="false"/> while the stream is still being read.
    /// </summary>
    public bool EndedWithoutFinishReason => _pump.IsCompleted && !Decoder.SawFinishReason;

    private protected ChatChunkDecoder Decoder { get; } = new();

    /// <summary>The choice slot of the current item; -1 for a usage-only item.</summary>
    private protected int CurrentChoice => Decoder.ChoiceCount == 0 ? -1 : _pump.CurrentItem;

    /// <summary>The current chunk's bytes, which the decoder's segments point into.</summary>
    private protected ReadOnlySpan<byte> CurrentData => _pump.CurrentData;

    /// <summary>Reads the next item, which is then the derived type's <c>Current</c>.</summary>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns><see langword="false"/> once <c>[DONE]</c> has been read.</returns>
    /// <exception cref="JuheApiException">
    /// The stream carried an error, a malformed chunk or an event over the size limit, ended before
    /// <c>[DONE]</c>, or its connection broke (<see cref="JuheApiException.Kind"/> says which). It has the
    /// response's status and request id when the stream came from <c>JuheClient</c>.
    /// </exception>
    /// <exception cref="TimeoutException">A stream from <c>JuheClient</c> waited longer than its first-byte or idle timeout.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> fired. A stream from <c>JuheClient</c> closes its connection
    /// then, so the stream cannot be read further; dispose it.
    /// </exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default) => _pump.MoveNextAsync(cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        _pump.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _pump.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private protected void ThrowIfNoCurrent() => _pump.ThrowIfNoCurrent();

    /// <summary>The synchronous read under the derived types' <c>TryRead</c>.</summary>
    private protected bool TryReadItem() => _pump.TryRead();
}
