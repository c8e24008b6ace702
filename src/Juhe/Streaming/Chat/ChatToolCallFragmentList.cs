namespace Juhe.Streaming;

/// <summary>The tool-call fragments of one choice's delta, without allocating.</summary>
public readonly ref struct ChatToolCallFragmentList
{
    private readonly ChatChunkDecoder? _decoder;
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _start;

    internal ChatToolCallFragmentList(ChatChunkDecoder decoder, ReadOnlySpan<byte> data, int start, int count)
    {
        _decoder = decoder;
        _data = data;
        _start = start;
        Count = count;
    }

    /// <summary>How many fragments the delta carries.</summary>
    public int Count { get; }

    /// <summary>The fragment at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public ChatToolCallFragment this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            ref readonly ChatChunkDecoder.ToolCall call = ref _decoder!.GetToolCall(_start + index);
            return new ChatToolCallFragment(
                call.Index,
                _decoder.Resolve(_data, call.Id),
                _decoder.Resolve(_data, call.Type),
                _decoder.Resolve(_data, call.Name),
                _decoder.Resolve(_data, call.Arguments));
        }
    }

    /// <summary>Enumerates the fragments in order.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates a <see cref="ChatToolCallFragmentList"/> without allocating.</summary>
    public ref struct Enumerator
    {
        private readonly ChatToolCallFragmentList _list;
        private int _index;

        internal Enumerator(ChatToolCallFragmentList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current fragment.</summary>
        public readonly ChatToolCallFragment Current => _list[_index];

        /// <summary>Moves to the next fragment.</summary>
        public bool MoveNext() => ++_index < _list.Count;
    }
}
