using System.Buffers;

namespace Juhe.Http;

/// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>; disposing returns the array.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSize = 256;
    private byte[] _buffer;
    private int _count;

    public PooledBufferWriter(int initialSize = 4096) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialSize, MinimumSize));

    public int WrittenCount => _count;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _count);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _count);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _buffer.Length - _count)
        {
            throw new InvalidOperationException($"Cannot advance {count} bytes past the end of a {_buffer.Length}-byte buffer holding {_count}.");
        }

        _count += count;
    }

    // Ensure may replace _buffer, so it runs before the field is read.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        int length = Ensure(sizeHint);
        return _buffer.AsMemory(_count..length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        int length = Ensure(sizeHint);
        return _buffer.AsSpan(_count..length);
    }

    /// <summary>Replaces the written bytes in <paramref name="start"/>..<paramref name="end"/> with <paramref name="replacement"/>, moving the rest.</summary>
    public void Splice(int start, int end, ReadOnlySpan<byte> replacement)
    {
        int removed = end - start;
        int grow = replacement.Length - removed;
        if (grow > 0)
        {
            Ensure(grow);
        }

        _buffer.AsSpan(end, _count - end).CopyTo(_buffer.AsSpan(start + replacement.Length));
        replacement.CopyTo(_buffer.AsSpan(start));
        _count += grow;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _count = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Grows the buffer so that at least <paramref name="sizeHint"/> bytes (one, if 0) are free; returns its length.</summary>
    private int Ensure(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _count < needed)
        {
            int size = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_count + needed));
            if (size - _count < needed)
            {
                throw new InvalidOperationException($"A request body cannot exceed {Array.MaxLength} bytes.");
            }

            byte[] larger = ArrayPool<byte>.Shared.Rent(size);
            _buffer.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.Length;
    }
}
