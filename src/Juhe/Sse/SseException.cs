namespace Juhe.Sse;

/// <summary>
/// The event stream broke a limit of the reader (such as <see cref="SseReaderOptions.MaxEventSize"/>).
/// The message says what and at which byte offset of the stream.
/// </summary>
public sealed class SseException : IOException
{
    /// <summary>Creates the exception with a message.</summary>
    public SseException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public SseException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public SseException()
    {
    }

    /// <summary>The byte offset in the stream at which the problem was found, or -1 when unknown.</summary>
    public long StreamOffset { get; init; } = -1;
}
