namespace Juhe.Streaming;

/// <summary>The tool-call fragments of one choice's delta, without allocating.</summary>
public readonly ref struct ChatToolCallDeltaList
{
    private readonly ChatChunkDecoder? _decoder;
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _start;

    internal ChatToolCallDeltaList(ChatChunkDecoder decoder, ReadOnlySpan<byte> data, int start, int count)
    {
        _decoder = decoder;
        _data = data;
        _start = start;
        Count = count;
    }

    /// <summary>How many fragments the delta carries.</summary>
    public int Count { get; }

    /// <summary>The fragment at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public ChatToolCallDelta this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            ref readonly ChatChunkDecoder.ToolCall call = ref _decoder!.GetToolCall(_start + index);
            return new ChatToolCallDelta(
                call.Index,
                _decoder.Resolve(_data, call.Id),
                _decoder.Resolve(_data, call.Type),
                _decoder.Resolve(_data, call.Name),
                _decoder.Resolve(_data, call.Arguments));
        }
    }

    /// <summary>Enumerates the fragments in order.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates a <see cref="ChatToolCallDeltaList"/> without allocating.</summary>
    public ref struct Enumerator
    {
        private readonly ChatToolCallDeltaList _list;
        private int _index;

        internal Enumerator(ChatToolCallDeltaList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current fragment.</summary>
        public readonly ChatToolCallDelta Current => _list[_index];

        /// <summary>Moves to the next fragment.</summary>
        public bool MoveNext() => ++_index < _list.Count;
    }
}
