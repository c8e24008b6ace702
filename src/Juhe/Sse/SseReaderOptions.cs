namespace Juhe.Sse;

/// <summary>Settings for an <see cref="SseReader"/>.</summary>
public sealed class SseReaderOptions
{
    /// <summary>The default <see cref="MaxEventSize"/>: 16 MiB, room for a base64 image in one event.</summary>
    public const int DefaultMaxEventSize = 16 * 1024 * 1024;

    /// <summary>The default <see cref="BufferSize"/>: 16 KiB.</summary>
    public const int DefaultBufferSize = 16 * 1024;

    /// <summary>Shared defaults; never mutated.</summary>
    internal static readonly SseReaderOptions Default = new();

    /// <summary>
    /// The most bytes of data one event may carry (its <c>data:</c> lines joined with LF). Any single
    /// line may be this long plus a few bytes for its field name. A stream that sends more gets an
    /// <see cref="SseException"/> naming this limit instead of growing memory without bound; comments
    /// and other fields between data lines do not count. The reader holds at most about twice this
    /// many bytes. Default <see cref="DefaultMaxEventSize"/>.
    /// </summary>
    public int MaxEventSize { get; init; } = DefaultMaxEventSize;

    /// <summary>The initial size of the pooled read buffer, in bytes. It grows as long lines need, up to about <see cref="MaxEventSize"/>.</summary>
    public int BufferSize { get; init; } = DefaultBufferSize;

    /// <summary>Whether disposing the reader leaves the underlying stream open. Default <see langword="false"/>: the reader owns it.</summary>
    public bool LeaveOpen { get; init; }

    internal void Validate()
    {
        if (MaxEventSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEventSize), MaxEventSize, "SseReaderOptions.MaxEventSize must be positive.");
        }

        if (BufferSize < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(BufferSize), BufferSize, "SseReaderOptions.BufferSize must be at least 16 bytes.");
        }
    }
}
