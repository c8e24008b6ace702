using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Streaming;

/// <summary>
/// Reads a Gemini <c>:streamGenerateContent?alt=sse</c> stream (<c>data:</c> chunks, CRLF line ends, no
/// end marker) as one <see cref="GeminiStreamChunk"/> per candidate per chunk, without allocating per chunk.
/// </summary>
/// <remarks>
/// Gemini simply ends at the end of the bytes, so a cut connection cannot be told from a finished
/// response by the framing: check the last candidate's <see cref="GeminiStreamChunk.FinishReasonUtf8"/>.
/// An <c>{"error":…}</c> chunk raises <see cref="JuheApiException"/> after the chunks before it.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a stream of Gemini chunks.")]
public sealed class GeminiStream : IDisposable, IAsyncDisposable
{
    private readonly GeminiChunkDecoder _decoder = new();
    private readonly EventPump<GeminiEventDecoder> _pump;

    /// <summary>Creates a decoder over an event stream.</summary>
    /// <param name="stream">The response body; owned (disposed with this) unless <see cref="SseReaderOptions.LeaveOpen"/>.</param>
    /// <param name="options">Framing limits; <see langword="null"/> for the defaults (or the client's, for a body from <c>JuheClient</c>).</param>
    public GeminiStream(Stream stream, SseReaderOptions? options = null)
    {
        ResponseContext context = ResponseContext.Of(stream);
        _decoder.Context = context;
        _pump = new EventPump<GeminiEventDecoder>(stream, options, context, new GeminiEventDecoder(_decoder));
    }

    /// <summary>Whether the stream has ended.</summary>
    public bool IsCompleted => _pump.IsCompleted;

    /// <summary>How many chunks have been decoded so far.</summary>
    public long ChunkCount => _decoder.ChunkCount;

    /// <summary>The last <c>usageMetadata</c> any chunk carried (they are running totals).</summary>
    public GeminiStreamUsage? Usage => _decoder.LastUsage;

    /// <summary>The item read by the last successful <see cref="TryRead"/> or <see cref="MoveNextAsync"/>; valid until the next read.</summary>
    /// <exception cref="InvalidOperationException">No read has succeeded yet, or the last one returned false.</exception>
    public GeminiStreamChunk Current
    {
        get
        {
            _pump.ThrowIfNoCurrent();
            return CurrentChunk();
        }
    }

    /// <summary>Reads the next candidate (or candidate-less chunk).</summary>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns><see langword="false"/> once the stream has ended.</returns>
    /// <exception cref="JuheApiException">
    /// The stream carried an error chunk, a malformed chunk or one over the size limit, or its connection
    /// broke (<see cref="JuheApiException.Kind"/> says which).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default) => _pump.MoveNextAsync(cancellationToken);

    /// <summary>Reads the next candidate synchronously.</summary>
    /// <param name="chunk">The item, valid until the next read.</param>
    /// <returns><see langword="false"/> once the stream has ended.</returns>
    /// <exception cref="JuheApiException">As for <see cref="MoveNextAsync"/>.</exception>
    public bool TryRead(out GeminiStreamChunk chunk)
    {
        if (_pump.TryRead())
        {
            chunk = CurrentChunk();
            return true;
        }

        chunk = default;
        return false;
    }

    /// <inheritdoc/>
    public void Dispose() => _pump.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _pump.DisposeAsync();

    private GeminiStreamChunk CurrentChunk() =>
        new(_decoder, _pump.CurrentData, _decoder.CandidateCount == 0 ? -1 : _pump.CurrentItem);
}
