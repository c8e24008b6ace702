using System.Buffers;
using System.Runtime.CompilerServices;

namespace Juhe.Sse;

/// <summary>
/// Reads server-sent events from a UTF-8 <see cref="Stream"/> by the WHATWG HTML standard's
/// event-stream interpretation, exposing each event as spans into a pooled buffer.
/// </summary>
/// <remarks>
/// <para>
/// The reader works on bytes: line ends (CR, LF, CRLF) and field separators are ASCII, so a
/// multi-byte character cut by a read boundary needs no special care, and any split of the
/// stream into reads yields the same events. After warm-up, reading an event allocates nothing:
/// an event whose data is a single <c>data:</c> line is exposed in place, without a copy.
/// </para>
/// <para>Not thread-safe: one consumer reads at a time.</para>
/// </remarks>
public sealed class SseReader : IDisposable, IAsyncDisposable
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly int _maxEventSize;
    private readonly bool _leaveOpen;

    // Read buffer: [_pos, _end) is unparsed input; bytes before _pos may still back the pending
    // or the last dispatched event. _origin is the stream offset of _buffer[0].
    private byte[]? _buffer;
    private int _pos;
    private int _end;
    private int _scanned; // bytes after _pos already known to hold no CR or LF
    private long _origin;
    private bool _eof;
    private bool _bomChecked;
    private bool _skipLf; // the last line ended with a CR at the end of the input seen so far

    // The pending event (fields seen since the last dispatch).
    private int _typeStart = -1;
    private int _typeLength;
    private bool _hasData;
    private int _dataStart = -1; // into _buffer while the data is a single line; -1 once it moved to _joined
    private int _dataLength;
    private byte[]? _joined; // multi-line data, joined with LF
    private int _joinedLength;

    // The last event id persists across events, so it lives in a buffer of its own.
    private byte[]? _id;
    private int _idLength;

    // The dispatched event.
    private int _currentTypeStart = -1;
    private int _currentTypeLength;
    private int _currentDataStart;
    private int _currentDataLength;
    private bool _currentDataJoined;

    /// <summary>Creates a reader over <paramref name="stream"/>.</summary>
    /// <param name="stream">The event stream, read from its current position.</param>
    /// <param name="options">Limits and buffer settings; <see langword="null"/> for the defaults.</param>
    public SseReader(Stream stream, SseReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= SseReaderOptions.Default;
        options.Validate();
        _stream = stream;
        _maxEventSize = options.MaxEventSize;
        _leaveOpen = options.LeaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(options.BufferSize, options.MaxEventSize + 2));
    }

    /// <summary>The event read by the last successful <see cref="MoveNextAsync"/> or <see cref="TryRead"/>; valid until the next read.</summary>
    public SseEvent Current
    {
        get
        {
            byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(SseReader));
            ReadOnlySpan<byte> type = _currentTypeStart < 0 ? default : buffer.AsSpan(_currentTypeStart, _currentTypeLength);
            ReadOnlySpan<byte> data = _currentDataJoined
                ? _joined.AsSpan(0, _currentDataLength)
                : buffer.AsSpan(_currentDataStart, _currentDataLength);
            return new SseEvent(type, data, _id.AsSpan(0, _idLength));
        }
    }

    /// <summary>The reconnection time the stream last set with a valid <c>retry:</c> field, or <see langword="null"/> when none.</summary>
    public TimeSpan? ReconnectionInterval { get; private set; }

    /// <summary>How many bytes of the stream the reader has consumed as complete lines.</summary>
    public long BytesConsumed => _origin + _pos;

    /// <summary>
    /// Reads the next event synchronously, blocking on the stream when it needs more bytes.
    /// </summary>
    /// <param name="sseEvent">The event, valid until the next read.</param>
    /// <returns><see langword="false"/> at the end of the stream (a pending, undispatched event is discarded).</returns>
    /// <exception cref="SseException">An event exceeded <see cref="SseReaderOptions.MaxEventSize"/>.</exception>
    public bool TryRead(out SseEvent sseEvent)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        while (!TryParseEvent())
        {
            if (_eof)
            {
                sseEvent = default;
                return false;
            }

            int read = _stream.Read(PrepareForRead());
            Advance(read);
        }

        sseEvent = Current;
        return true;
    }

    /// <summary>Reads the next event, which is then <see cref="Current"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns><see langword="false"/> at the end of the stream (a pending, undispatched event is discarded).</returns>
    /// <exception cref="SseException">An event exceeded <see cref="SseReaderOptions.MaxEventSize"/>.</exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        if (TryParseEvent())
        {
            return new ValueTask<bool>(true);
        }

        return _eof ? new ValueTask<bool>(false) : ReadMoreAsync(cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        do
        {
            int read = await _stream.ReadAsync(PrepareForReadMemory(), cancellationToken).ConfigureAwait(false);
            Advance(read);
            if (TryParseEvent())
            {
                return true;
            }
        }
        while (!_eof);

        return false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ReturnBuffers();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        ReturnBuffers();
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void ReturnBuffers()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (_joined is { } joined)
        {
            _joined = null;
            ArrayPool<byte>.Shared.Return(joined);
        }

        if (_id is { } id)
        {
            _id = null;
            ArrayPool<byte>.Shared.Return(id);
        }
    }

    /// <summary>Consumes complete lines until an event is dispatched (true) or more input is needed (false).</summary>
    private bool TryParseEvent()
    {
        byte[] buffer = _buffer!;
        if (!_bomChecked)
        {
            if (_end - _pos < Bom.Length && !_eof && Bom.StartsWith(buffer.AsSpan(_pos, _end - _pos)))
            {
                return false;
            }

            if (buffer.AsSpan(_pos, _end - _pos).StartsWith(Bom))
            {
                _pos += Bom.Length;
            }

            _bomChecked = true;
        }

        while (TryReadLine(buffer, out int lineStart, out int lineLength))
        {
            if (lineLength == 0)
            {
                if (Dispatch())
                {
                    return true;
                }

                continue;
            }

            ProcessField(buffer, lineStart, lineLength);
        }

        return false;
    }

    private bool TryReadLine(byte[] buffer, out int lineStart, out int lineLength)
    {
        if (_skipLf)
        {
            if (_pos == _end && !_eof)
            {
                lineStart = lineLength = 0;
                return false;
            }

            _skipLf = false;
            if (_pos < _end && buffer[_pos] == (byte)'\n')
            {
                _pos++;
            }
        }

        ReadOnlySpan<byte> unscanned = buffer.AsSpan(_pos + _scanned, _end - _pos - _scanned);
        int index = unscanned.IndexOfAny((byte)'\r', (byte)'\n');
        if (index < 0)
        {
            // An unterminated last line at the end of the stream is discarded, as the standard says.
            _scanned = _end - _pos;
            lineStart = lineLength = 0;
            return false;
        }

        lineStart = _pos;
        lineLength = _scanned + index;
        int terminator = _pos + lineLength;
        _pos = terminator + 1;
        _scanned = 0;
        if (buffer[terminator] == (byte)'\r')
        {
            if (_pos < _end)
            {
                if (buffer[_pos] == (byte)'\n')
                {
                    _pos++;
                }
            }
            else
            {
                _skipLf = true;
            }
        }

        return true;
    }

    private void ProcessField(byte[] buffer, int lineStart, int lineLength)
    {
        ReadOnlySpan<byte> line = buffer.AsSpan(lineStart, lineLength);
        if (line[0] == (byte)':')
        {
            return; // a comment, such as a keep-alive ": PING"
        }

        ReadOnlySpan<byte> field;
        int valueStart;
        int colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            field = line;
            valueStart = lineStart + lineLength;
        }
        else
        {
            field = line[..colon];
            valueStart = lineStart + colon + 1;
            if (valueStart < lineStart + lineLength && buffer[valueStart] == (byte)' ')
            {
                valueStart++;
            }
        }

        int valueLength = lineStart + lineLength - valueStart;
        if (field.SequenceEqual("data"u8))
        {
            AppendData(buffer, valueStart, valueLength);
        }
        else if (field.SequenceEqual("event"u8))
        {
            _typeStart = valueStart;
            _typeLength = valueLength;
        }
        else if (field.SequenceEqual("id"u8))
        {
            SetId(buffer.AsSpan(valueStart, valueLength));
        }
        else if (field.SequenceEqual("retry"u8))
        {
            SetRetry(buffer.AsSpan(valueStart, valueLength));
        }

        // Any other field is ignored, as the standard says.
        EnsureWithinLimit();
    }

    private void AppendData(byte[] buffer, int valueStart, int valueLength)
    {
        if (!_hasData)
        {
            _hasData = true;
            _dataStart = valueStart;
            _dataLength = valueLength;
            return;
        }

        // A second data line: the event's data is no longer contiguous in the read buffer.
        if (_dataStart >= 0)
        {
            _joinedLength = 0;
            AppendJoined(buffer.AsSpan(_dataStart, _dataLength));
            _dataStart = -1;
        }

        AppendJoined("\n"u8);
        AppendJoined(buffer.AsSpan(valueStart, valueLength));
    }

    private void AppendJoined(ReadOnlySpan<byte> bytes)
    {
        int needed = _joinedLength + bytes.Length;
        if (_joined is null || _joined.Length < needed)
        {
            CheckLimit(needed);
            byte[] grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Min(_maxEventSize, Math.Max(256, (_joined?.Length ?? 0) * 2))));
            if (_joined is not null)
            {
                _joined.AsSpan(0, _joinedLength).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_joined);
            }

            _joined = grown;
        }

        bytes.CopyTo(_joined.AsSpan(_joinedLength));
        _joinedLength = needed;
    }

    private void SetId(ReadOnlySpan<byte> value)
    {
        if (value.Contains((byte)0))
        {
            return; // the standard ignores an id containing NULL
        }

        if (_id is null || _id.Length < value.Length)
        {
            if (_id is not null)
            {
                ArrayPool<byte>.Shared.Return(_id);
            }

            _id = ArrayPool<byte>.Shared.Rent(Math.Max(64, value.Length));
        }

        value.CopyTo(_id);
        _idLength = value.Length;
    }

    private void SetRetry(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        long milliseconds = 0;
        foreach (byte b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return; // only ASCII digits make a valid retry field
            }

            milliseconds = milliseconds * 10 + (b - '0');
            if (milliseconds > (long)TimeSpan.MaxValue.TotalMilliseconds / 10)
            {
                return; // absurdly large: ignore rather than overflow
            }
        }

        ReconnectionInterval = TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>Dispatches the pending event on a blank line; false when there was no data to dispatch.</summary>
    private bool Dispatch()
    {
        bool hasData = _hasData;
        if (hasData)
        {
            _currentTypeStart = _typeStart;
            _currentTypeLength = _typeLength;
            _currentDataJoined = _dataStart < 0;
            _currentDataStart = _dataStart;
            _currentDataLength = _currentDataJoined ? _joinedLength : _dataLength;
        }

        // Either way the event type and data buffers start afresh.
        _typeStart = -1;
        _typeLength = 0;
        _hasData = false;
        _dataStart = -1;
        _dataLength = 0;
        _joinedLength = 0;
        return hasData;
    }

    /// <summary>The first byte of the read buffer that the pending event still points into.</summary>
    private int KeepFrom()
    {
        int keep = _pos;
        if (_typeStart >= 0)
        {
            keep = Math.Min(keep, _typeStart);
        }

        if (_hasData && _dataStart >= 0)
        {
            keep = Math.Min(keep, _dataStart);
        }

        return keep;
    }

    private void EnsureWithinLimit() => CheckLimit(_pos - KeepFrom() + _joinedLength);

    private void CheckLimit(long eventBytes)
    {
        if (eventBytes > _maxEventSize)
        {
            throw new SseException(
                $"A server-sent event grew past the maximum event size of {_maxEventSize:N0} bytes (SseReaderOptions.MaxEventSize) " +
                $"near byte offset {_origin + _pos:N0} of the stream. Raise the limit if such events are expected.")
            {
                StreamOffset = _origin + _pos,
            };
        }
    }

    private Memory<byte> PrepareForReadMemory()
    {
        PrepareForRead();
        return _buffer.AsMemory(_end);
    }

    /// <summary>Makes room after <c>_end</c>: slides the live bytes to the front, growing the buffer if it is full.</summary>
    private Span<byte> PrepareForRead()
    {
        byte[] buffer = _buffer!;
        int keep = KeepFrom();
        if (keep > 0)
        {
            int live = _end - keep;
            buffer.AsSpan(keep, live).CopyTo(buffer);
            _end = live;
            _pos -= keep;
            _origin += keep;
            if (_typeStart >= 0)
            {
                _typeStart -= keep;
            }

            if (_dataStart >= 0)
            {
                _dataStart -= keep;
            }
        }

        if (_end == buffer.Length)
        {
            // Full of one event's lines: grow, but never much past the limit (+2 for a CRLF).
            CheckLimit((long)_end + _joinedLength);
            int size = (int)Math.Min((long)buffer.Length * 2, (long)_maxEventSize + 2);
            byte[] grown = ArrayPool<byte>.Shared.Rent(size);
            buffer.AsSpan(0, _end).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = buffer = grown;
        }

        return buffer.AsSpan(_end);
    }

    private void Advance(int read)
    {
        if (read <= 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }
}
