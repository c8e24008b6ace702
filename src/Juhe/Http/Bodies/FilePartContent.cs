using System.Net;

namespace Juhe.Http;

/// <summary>
/// A file's bytes copied to the request stream in pooled blocks as they are read, so an upload of
/// any size holds one block at a time. A seekable source is rewound before each send.
/// </summary>
internal sealed class FilePartContent(Func<Stream> open, bool ownsStream, long start, long? knownLength) : HttpContent
{
    private const int BlockSize = 81920;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Stream source = open();
        try
        {
            if (source.CanSeek && source.Position != start)
            {
                source.Position = start;
            }

            await source.CopyToAsync(stream, BlockSize, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (ownsStream)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = knownLength ?? 0;
        return knownLength is not null;
    }
}
