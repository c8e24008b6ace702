using System.Buffers;
using System.Globalization;
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

    /// <summary>How much longer than <see cref="SseReaderOptions.MaxEventSize"/> a line may be: room for a field name, its colon and a space.</summary>
    private const int FieldNameAllowance = 16;

    /// <summary>The largest retry value a <see cref="TimeSpan"/> holds, in milliseconds.</summary>
    private const long MaxRetryMilliseconds = long.MaxValue / TimeSpan.TicksPerMillisecond;

    private readonly Stream _stream;
    private readonly int _maxEventSize;
    private readonly long _maxLineLength; // without its line end
    private readonly int _maxBufferSize; // a longest line and a CRLF
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

    // The pending event (fields seen since the last dispatch). Its type is copied (types are
    // short) so that only one-line data ever pins the read buffer.
    private byte[]? _type;
    private int _typeLength;
    private bool _hasData;
    private int _dataStart = -1; // into _buffer while the data is a single line; -1 once it moved to _joined
    private int _dataLength;
    private byte[]? _joined; // multi-line data, joined with LF
    private int _joinedLength;

    // The last event id persists across events, so it lives in a buffer of its own.
    private byte[]? _id;
    private int _idLength;

    // The dispatched event: its type is in _type, its data in _buffer or _joined, until the next read.
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
        _maxBufferSize = (int)Math.Min((long)options.MaxEventSize + FieldNameAllowance + 2, Array.MaxLength);
        _maxLineLength = _maxBufferSize - 2;
        _leaveOpen = options.LeaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(options.BufferSize, _maxBufferSize));
    }

    /// <summary>The event read by the last successful <see cref="MoveNextAsync"/> or <see cref="TryRead"/>; valid until the next read.</summary>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    public SseEvent Current
    {
        get
        {
            byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(SseReader));
            ReadOnlySpan<byte> data = _currentDataJoined
                ? _joined.AsSpan(0, _currentDataLength)
                : buffer.AsSpan(_currentDataStart, _currentDataLength);
            return new SseEvent(_type.AsSpan(0, _currentTypeLength), data, _id.AsSpan(0, _idLength));
        }
    }

    /// <summary>
    /// Whether, at the end of the stream, an unterminated last line is still read and a pending event
    /// still dispatched (the standard discards both). Real AI streams end like that (<c>data: [DONE]</c>
    /// with no line end, a Gemini chunk with one CRLF), so the typed streams read them; see <see cref="EndedInsideEvent"/>.
    /// </summary>
    internal bool DispatchPendingAtEnd { get; init; }

    /// <summary>Whether the current event was dispatched by the end of the stream rather than by a blank line (only with <see cref="DispatchPendingAtEnd"/>).</summary>
    internal bool EndedInsideEvent { get; private set; }

    /// <summary>The reconnection time the stream last set with a valid <c>retry:</c> field, or <see langword="null"/> when none.</summary>
    public TimeSpan? ReconnectionInterval { get; private set; }

    /// <summary>How many bytes of the stream the reader has consumed as complete lines.</summary>
    public long BytesConsumed => _origin + _pos;

    /// <summary>
    /// Reads the next event synchronously, blocking on the stream when it needs more bytes.
    /// </summary>
    /// <param name="sseEvent">The event, valid until the next read.</param>
    /// <returns><see langword="false"/> at the end of the stream (a pending, undispatched event is discarded).</returns>
    /// <exception cref="SseException">An event or a line exceeded <see cref="SseReaderOptions.MaxEventSize"/>.</exception>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
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
    /// <param name="cancellationToken">
    /// Cancels the wait for more bytes. The reader itself loses nothing: it can be read again if the
    /// underlying stream can (a <see cref="MemoryStream"/> or a pipe). Network streams, and the response
    /// streams <c>JuheClient</c> opens, close their connection when a read is cancelled, so after a cancel
    /// they can only be disposed.
    /// </param>
    /// <returns><see langword="false"/> at the end of the stream (a pending, undispatched event is discarded).</returns>
    /// <exception cref="SseException">An event or a line exceeded <see cref="SseReaderOptions.MaxEventSize"/>.</exception>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while waiting for bytes.</exception>
    public ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);

        // Reads that complete at once (buffered or in-memory streams) are consumed here, without an
        // async state machine: that keeps this path allocation-free whatever the build configuration.
        while (!TryParseEvent())
        {
            if (_eof)
            {
                return new ValueTask<bool>(false);
            }

            ValueTask<int> read = _stream.ReadAsync(PrepareForReadMemory(), cancellationToken);
            if (!read.IsCompletedSuccessfully)
            {
                return AwaitReadAsync(read, cancellationToken);
            }

            Advance(read.Result);
        }

        return new ValueTask<bool>(true);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AwaitReadAsync(ValueTask<int> pendingRead, CancellationToken cancellationToken)
    {
        Advance(await pendingRead.ConfigureAwait(false));
        while (!TryParseEvent())
        {
            if (_eof)
            {
                return false;
            }

            Advance(await _stream.ReadAsync(PrepareForReadMemory(), cancellationToken).ConfigureAwait(false));
        }

        return true;
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
        Return(ref _buffer);
        Return(ref _joined);
        Return(ref _type);
        Return(ref _id);

        static void Return(ref byte[]? array)
        {
            if (array is { } rented)
            {
                array = null;
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Consumes complete lines until an event is dispatched (true) or more input is needed (false).</summary>
    private bool TryParseEvent()
    {
        byte[] buffer = _buffer!;
        if (!_bomChecked)
        {
            // Only the very first bytes of the stream may be a BOM; wait until there are three of them.
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

        if (_eof && DispatchPendingAtEnd && _pos == _end && Dispatch())
        {
            EndedInsideEvent = true;
            return true;
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
            if (_eof && DispatchPendingAtEnd && _end > _pos)
            {
                // The last line has no line end; read it anyway (the standard would discard it).
                lineStart = _pos;
                lineLength = _end - _pos;
                if (lineLength > _maxLineLength)
                {
                    throw LineTooLong(lineStart);
                }

                _pos = _end;
                _scanned = 0;
                return true;
            }

            // An unterminated last line at the end of the stream is discarded, as the standard says.
            _scanned = _end - _pos;
            lineStart = lineLength = 0;
            return false;
        }

        lineStart = _pos;
        lineLength = _scanned + index;
        if (lineLength > _maxLineLength)
        {
            throw LineTooLong(lineStart);
        }

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
            field = line; // the whole line is the field name and the value is empty
            valueStart = lineStart + lineLength;
        }
        else
        {
            field = line[..colon];
            valueStart = lineStart + colon + 1;
            if (valueStart < lineStart + lineLength && buffer[valueStart] == (byte)' ')
            {
                valueStart++; // exactly one leading space is removed
            }
        }

        int valueLength = lineStart + lineLength - valueStart;
        if (field.SequenceEqual("data"u8))
        {
            AppendData(buffer, lineStart, valueStart, valueLength);
        }
        else if (field.SequenceEqual("event"u8))
        {
            CopyInto(ref _type, buffer.AsSpan(valueStart, valueLength));
            _typeLength = valueLength;
        }
        else if (field.SequenceEqual("id"u8))
        {
            ReadOnlySpan<byte> id = buffer.AsSpan(valueStart, valueLength);
            if (!id.Contains((byte)0)) // the standard ignores an id containing NULL
            {
                CopyInto(ref _id, id);
                _idLength = valueLength;
            }
        }
        else if (field.SequenceEqual("retry"u8))
        {
            SetRetry(buffer.AsSpan(valueStart, valueLength));
        }

        // Any other field is ignored, as the standard says.
    }

    /// <summary>The length the pending data would have with one more line of <paramref name="valueLength"/> bytes.</summary>
    private long DataLengthWith(long valueLength) =>
        _hasData ? (_dataStart >= 0 ? _dataLength : _joinedLength) + 1 + valueLength : valueLength;

    private void AppendData(byte[] buffer, int lineStart, int valueStart, int valueLength)
    {
        if (DataLengthWith(valueLength) > _maxEventSize)
        {
            throw EventTooLarge(lineStart);
        }

        if (!_hasData)
        {
            // The first line stays where it is: a one-line event is exposed without a copy.
            _hasData = true;
            _dataStart = valueStart;
            _dataLength = valueLength;
            return;
        }

        // A second data line: the event's data is no longer contiguous in the read buffer.
        if (_dataStart >= 0)
        {
            MoveDataToJoined();
        }

        AppendJoined("\n"u8);
        AppendJoined(buffer.AsSpan(valueStart, valueLength));
    }

    private void MoveDataToJoined()
    {
        _joinedLength = 0;
        AppendJoined(_buffer.AsSpan(_dataStart, _dataLength));
        _dataStart = -1;
    }

    private void AppendJoined(ReadOnlySpan<byte> bytes)
    {
        int needed = _joinedLength + bytes.Length; // within the limit: AppendData checked
        if (_joined is null || _joined.Length < needed)
        {
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

    /// <summary>Copies a short value (an event type or id) into its own pooled buffer, renting a larger one when needed.</summary>
    private static void CopyInto(ref byte[]? target, ReadOnlySpan<byte> value)
    {
        if (target is null || target.Length < value.Length)
        {
            if (target is not null)
            {
                ArrayPool<byte>.Shared.Return(target);
            }

            target = ArrayPool<byte>.Shared.Rent(Math.Max(64, value.Length));
        }

        value.CopyTo(target);
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
            int digit = b - '0';
            if ((uint)digit > 9)
            {
                return; // only ASCII digits make a valid retry field
            }

            if (milliseconds > (MaxRetryMilliseconds - digit) / 10)
            {
                return; // more than a TimeSpan holds: ignore rather than overflow
            }

            milliseconds = (milliseconds * 10) + digit;
        }

        ReconnectionInterval = TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);
    }

    /// <summary>Dispatches the pending event on a blank line; false when there was no data to dispatch.</summary>
    private bool Dispatch()
    {
        bool hasData = _hasData;
        if (hasData)
        {
            _currentTypeLength = _typeLength;
            _currentDataJoined = _dataStart < 0;
            _currentDataStart = _dataStart;
            _currentDataLength = _currentDataJoined ? _joinedLength : _dataLength;
        }

        // Either way the event type and data buffers start afresh.
        _typeLength = 0;
        _hasData = false;
        _dataStart = -1;
        _dataLength = 0;
        _joinedLength = 0;
        return hasData;
    }

    private Memory<byte> PrepareForReadMemory()
    {
        PrepareForRead();
        return _buffer.AsMemory(_end);
    }

    /// <summary>Makes room after <c>_end</c>: slides the live bytes to the front, growing the buffer if one line fills it.</summary>
    private Span<byte> PrepareForRead()
    {
        // Only pending one-line data pins bytes before _pos; everything else there is consumed.
        bool dataInPlace = _hasData && _dataStart >= 0;
        Slide(dataInPlace ? _dataStart : _pos);
        if (_end == _buffer!.Length && dataInPlace)
        {
            // The data and the lines after it fill the buffer: move the data out rather than grow for the lines.
            MoveDataToJoined();
            Slide(_pos);
        }

        if (_end == _buffer.Length)
        {
            Grow();
        }

        return _buffer.AsSpan(_end);
    }

    private void Slide(int keep)
    {
        if (keep == 0)
        {
            return;
        }

        byte[] buffer = _buffer!;
        int live = _end - keep;
        buffer.AsSpan(keep, live).CopyTo(buffer);
        _end = live;
        _pos -= keep;
        _origin += keep;
        if (_dataStart >= 0)
        {
            _dataStart -= keep;
        }
    }

    /// <summary>The buffer holds one unfinished line and nothing else: grow it, within the limits.</summary>
    private void Grow()
    {
        byte[] buffer = _buffer!;
        ReadOnlySpan<byte> line = buffer.AsSpan(_pos, _end - _pos);
        if (line.Length > _maxLineLength)
        {
            throw LineTooLong(_pos);
        }

        // A data line already too long for the event fails now, not after buffering the rest of it.
        if (line.StartsWith("data:"u8))
        {
            int valueLength = line.Length - 5 - (line.Length > 5 && line[5] == (byte)' ' ? 1 : 0);
            if (DataLengthWith(valueLength) > _maxEventSize)
            {
                throw EventTooLarge(_pos);
            }
        }

        byte[] grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, _maxBufferSize));
        buffer.AsSpan(0, _end).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        _buffer = grown;
    }

    private SseException EventTooLarge(int lineStart)
    {
        long offset = _origin + lineStart;
        return new SseException(string.Create(
            CultureInfo.InvariantCulture,
            $"The data of a server-sent event grew past the maximum event size of {_maxEventSize:N0} bytes (SseReaderOptions.MaxEventSize) " +
            $"with the data line at byte offset {offset:N0} of the stream. Raise the limit if such events are expected."))
        {
            StreamOffset = offset,
        };
    }

    private SseException LineTooLong(int lineStart)
    {
        long offset = _origin + lineStart;
        return new SseException(string.Create(
            CultureInfo.InvariantCulture,
            $"A line of the server-sent event stream at byte offset {offset:N0} is longer than the maximum event size of {_maxEventSize:N0} bytes " +
            $"(SseReaderOptions.MaxEventSize) allows. Raise the limit if such lines are expected."))
        {
            StreamOffset = offset,
        };
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
