using System.Buffers;
using System.Text;

namespace Juhe.Streaming;

/// <summary>
/// Builds the final message of an Anthropic Messages stream from its events: each content block's
/// text, thinking with its signature, and tool input JSON, plus the id, model, stop reason and usage.
/// Adding an event copies its bytes into pooled buffers and allocates nothing.
/// </summary>
/// <remarks>
/// <code>
/// using var message = new ClaudeMessageAccumulator();
/// while (await stream.MoveNextAsync(ct)) message.Add(stream.Current);
/// string answer = message.TextString();
/// </code>
/// </remarks>
public sealed class ClaudeMessageAccumulator : IDisposable
{
    private Block[] _blocks = new Block[4];
    private int _blockCount;
    private byte[] _header = ArrayPool<byte>.Shared.Rent(256); // ids, names, types, stop reason: written once each
    private int _headerLength;
    private Range _messageId;
    private Range _model;
    private Range _stopReason;
    private Range _stopSequence;

    /// <summary>How many content blocks have started.</summary>
    public int BlockCount => _blockCount;

    /// <summary>The message id (<c>msg_…</c>) from <c>message_start</c>.</summary>
    public ReadOnlySpan<byte> MessageIdUtf8 => Header(_messageId);

    /// <summary>The model from <c>message_start</c>.</summary>
    public ReadOnlySpan<byte> ModelUtf8 => Header(_model);

    /// <summary>The raw <c>stop_reason</c> of the last <c>message_delta</c>; empty before it.</summary>
    public ReadOnlySpan<byte> StopReasonUtf8 => Header(_stopReason);

    /// <summary>The <c>stop_sequence</c> that ended the message, when one did.</summary>
    public ReadOnlySpan<byte> StopSequenceUtf8 => Header(_stopSequence);

    /// <summary>The usage merged over the events added (each field the last value sent).</summary>
    public ClaudeStreamUsage? Usage { get; private set; }

    /// <summary>The content block at position <paramref name="position"/> (0 ≤ position &lt; <see cref="BlockCount"/>), in the order blocks started.</summary>
    public ClaudeAccumulatedBlock this[int position]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, _blockCount);
            ref readonly Block block = ref _blocks[position];
            return new ClaudeAccumulatedBlock(
                block.Kind, block.Index, Header(block.Type), Header(block.ToolId), Header(block.ToolName),
                block.Content.AsSpan(0, block.ContentLength), block.Signature.AsSpan(0, block.SignatureLength));
        }
    }

    /// <summary>Adds one event of the stream, in order.</summary>
    /// <exception cref="InvalidOperationException">A delta names a block that never started.</exception>
    public void Add(ClaudeStreamEvent streamEvent)
    {
        switch (streamEvent.Kind)
        {
            case ClaudeStreamEventKind.MessageStart:
                _messageId = Keep(streamEvent.MessageIdUtf8);
                _model = Keep(streamEvent.ModelUtf8);
                Usage = streamEvent.Usage ?? Usage;
                break;
            case ClaudeStreamEventKind.ContentBlockStart:
                StartBlock(streamEvent);
                break;
            case ClaudeStreamEventKind.ContentBlockDelta:
                AddDelta(streamEvent);
                break;
            case ClaudeStreamEventKind.MessageDelta:
                if (!streamEvent.StopReasonUtf8.IsEmpty)
                {
                    _stopReason = Keep(streamEvent.StopReasonUtf8);
                }

                if (!streamEvent.StopSequenceUtf8.IsEmpty)
                {
                    _stopSequence = Keep(streamEvent.StopSequenceUtf8);
                }

                Usage = streamEvent.Usage ?? Usage;
                break;
        }
    }

    /// <summary>Allocates the text of every text block, joined in order.</summary>
    public string TextString()
    {
        var text = new StringBuilder();
        for (int i = 0; i < _blockCount; i++)
        {
            if (_blocks[i].Kind == ClaudeStreamBlockKind.Text)
            {
                text.Append(Encoding.UTF8.GetString(_blocks[i].Content.AsSpan(0, _blocks[i].ContentLength)));
            }
        }

        return text.ToString();
    }

    /// <summary>Allocates a string of <see cref="StopReasonUtf8"/>; <see langword="null"/> before a stop reason came.</summary>
    public string? StopReasonString() => StopReasonUtf8.IsEmpty ? null : Encoding.UTF8.GetString(StopReasonUtf8);

    /// <inheritdoc/>
    public void Dispose()
    {
        for (int i = 0; i < _blockCount; i++)
        {
            _blocks[i].Return();
        }

        _blockCount = 0;
        ArrayPool<byte>.Shared.Return(_header);
        _header = [];
        _headerLength = 0;
    }

    private void StartBlock(ClaudeStreamEvent streamEvent)
    {
        if (_blockCount == _blocks.Length)
        {
            Array.Resize(ref _blocks, _blocks.Length * 2);
        }

        _blocks[_blockCount++] = new Block
        {
            Kind = streamEvent.BlockKind,
            Index = streamEvent.Index,
            Type = Keep(streamEvent.BlockTypeUtf8),
            ToolId = Keep(streamEvent.ToolIdUtf8),
            ToolName = Keep(streamEvent.ToolNameUtf8),
            Content = [],
            Signature = [],
        };
    }

    private void AddDelta(ClaudeStreamEvent streamEvent)
    {
        ref Block block = ref Find(streamEvent.Index);
        switch (streamEvent.DeltaKind)
        {
            case ClaudeStreamDeltaKind.Text:
                Append(ref block.Content, ref block.ContentLength, streamEvent.TextUtf8);
                break;
            case ClaudeStreamDeltaKind.Thinking:
                Append(ref block.Content, ref block.ContentLength, streamEvent.ThinkingUtf8);
                break;
            case ClaudeStreamDeltaKind.InputJson:
                Append(ref block.Content, ref block.ContentLength, streamEvent.PartialJsonUtf8);
                break;
            case ClaudeStreamDeltaKind.Signature:
                Append(ref block.Signature, ref block.SignatureLength, streamEvent.SignatureUtf8);
                break;
        }
    }

    private ref Block Find(int index)
    {
        for (int i = _blockCount - 1; i >= 0; i--)
        {
            if (_blocks[i].Index == index)
            {
                return ref _blocks[i];
            }
        }

        throw new InvalidOperationException($"A content_block_delta names block {index}, which never started: add every event of the stream, in order.");
    }

    private static void Append(ref byte[] buffer, ref int length, ReadOnlySpan<byte> bytes)
    {
        if (buffer.Length == 0)
        {
            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, bytes.Length));
        }

        PooledBytes.Grow(ref buffer, length + bytes.Length, length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    private Range Keep(ReadOnlySpan<byte> bytes)
    {
        PooledBytes.Grow(ref _header, _headerLength + bytes.Length, _headerLength);
        bytes.CopyTo(_header.AsSpan(_headerLength));
        var range = new Range(_headerLength, _headerLength + bytes.Length);
        _headerLength += bytes.Length;
        return range;
    }

    private ReadOnlySpan<byte> Header(Range range) => _header.AsSpan(range);

    private struct Block
    {
        public ClaudeStreamBlockKind Kind;
        public int Index;
        public Range Type;
        public Range ToolId;
        public Range ToolName;
        public byte[] Content; // text, thinking or tool input JSON
        public int ContentLength;
        public byte[] Signature;
        public int SignatureLength;

        public readonly void Return()
        {
            if (Content.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(Content);
            }

            if (Signature.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(Signature);
            }
        }
    }
}
