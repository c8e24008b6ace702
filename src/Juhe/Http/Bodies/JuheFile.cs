namespace Juhe.Http;

/// <summary>
/// A file part of a <c>multipart/form-data</c> body: its bytes (from a <see cref="Stream"/>, a
/// byte array or a path), its file name and its media type. The bytes are copied to the socket
/// as the request is sent, never buffered whole.
/// </summary>
public sealed class JuheFile
{
    private readonly Stream? _stream;
    private readonly long _streamStart;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string? _path;

    private JuheFile(string fileName, string? contentType, Stream? stream, ReadOnlyMemory<byte> bytes, string? path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        FileName = fileName;
        ContentType = string.IsNullOrWhiteSpace(contentType) ? MediaTypes.FromFileName(fileName) : contentType;
        _stream = stream;
        _streamStart = stream is { CanSeek: true } ? stream.Position : 0;
        _bytes = bytes;
        _path = path;
    }

    /// <summary>The file name sent with the part (servers use its extension to tell the format).</summary>
    public string FileName { get; }

    /// <summary>The part's media type: as given, or guessed from the file name's extension (<c>application/octet-stream</c> when unknown).</summary>
    public string ContentType { get; }

    /// <summary>
    /// Whether the part can be sent again on retry: bytes and paths can, a stream only when it can
    /// seek (it is rewound to where it was when the file was made).
    /// </summary>
    public bool CanResend => _stream is null || _stream.CanSeek;

    /// <summary>A file read from <paramref name="content"/> as the request is sent. The stream is not disposed by the call.</summary>
    /// <param name="content">The file's bytes, read from its current position to its end.</param>
    /// <param name="fileName">The file name to send (such as <c>photo.png</c>).</param>
    /// <param name="contentType">The media type; <see langword="null"/> to guess it from <paramref name="fileName"/>.</param>
    /// <returns>The file part.</returns>
    public static JuheFile FromStream(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream of a file part must be readable.", nameof(content));
        }

        return new JuheFile(fileName, contentType, content, default, null);
    }

    /// <summary>A file whose bytes are already in memory.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file name to send.</param>
    /// <param name="contentType">The media type; <see langword="null"/> to guess it from <paramref name="fileName"/>.</param>
    /// <returns>The file part.</returns>
    public static JuheFile FromBytes(ReadOnlyMemory<byte> content, string fileName, string? contentType = null) =>
        new(fileName, contentType, null, content, null);

    /// <summary>A file on disk, opened when the request is sent (and again for each retry) and closed after.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The media type; <see langword="null"/> to guess it from the extension.</param>
    /// <returns>The file part, named after the file.</returns>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static JuheFile FromPath(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"There is no file to upload at '{full}'.", full);
        }

        return new JuheFile(Path.GetFileName(full), contentType, null, default, full);
    }

    /// <summary>The content of one attempt.</summary>
    internal HttpContent CreateContent()
    {
        if (_path is not null)
        {
            return new FilePartContent(() => new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan), ownsStream: true, start: 0, new FileInfo(_path).Length);
        }

        if (_stream is not null)
        {
            return new FilePartContent(() => _stream, ownsStream: false, _streamStart, _stream.CanSeek ? _stream.Length - _streamStart : null);
        }

        return new ReadOnlyMemoryContent(_bytes);
    }
}
