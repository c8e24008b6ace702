using System.Buffers;

namespace Juhe.Streaming;

/// <summary>Growing a pooled byte buffer while keeping what it already holds.</summary>
internal static class PooledBytes
{
    /// <summary>
    /// Ensures <paramref name="buffer"/> holds at least <paramref name="needed"/> bytes, keeping its first
    /// <paramref name="keep"/>; a larger one is rented (at least double, so growth is amortized) and the old one returned.
    /// </summary>
    public static void Grow(ref byte[] buffer, int needed, int keep)
    {
        if (buffer.Length >= needed)
        {
            return;
        }

        byte[] grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, keep).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = grown;
    }
}
