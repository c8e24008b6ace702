namespace Juhe.Streaming;

/// <summary>The parts of one Gemini candidate in a chunk, without allocating.</summary>
public readonly ref struct GeminiStreamPartList
{
    private readonly GeminiChunkDecoder? _decoder;
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _start;

    internal GeminiStreamPartList(GeminiChunkDecoder decoder, ReadOnlySpan<byte> data, int start, int count)
    {
        _decoder = decoder;
        _data = data;
        _start = start;
        Count = count;
    }

    /// <summary>How many parts the candidate carries in this chunk.</summary>
    public int Count { get; }

    /// <summary>The part at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public GeminiStreamPart this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new GeminiStreamPart(_decoder!, _data, _start + index);
        }
    }

    /// <summary>Enumerates the parts in order.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates a <see cref="GeminiStreamPartList"/> without allocating.</summary>
    public ref struct Enumerator
    {
        private readonly GeminiStreamPartList _list;
        private int _index;

        internal Enumerator(GeminiStreamPartList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current part.</summary>
        public readonly GeminiStreamPart Current => _list[_index];

        /// <summary>Moves to the next part.</summary>
        public bool MoveNext() => ++_index < _list.Count;
    }
}
