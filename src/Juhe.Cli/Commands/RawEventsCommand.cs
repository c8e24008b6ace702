using Juhe.Http;
using Juhe.Sse;

namespace Juhe.Cli.Commands;

/// <summary>The <c>--json</c> output every streaming command shares: each event's data, one line each, as it arrived.</summary>
internal static class RawEventsCommand
{
    public static async Task PrintAsync(JuheClient client, JuheRequest request, JuheBody body, CancellationToken cancellationToken)
    {
        Stream stream = await client.OpenStreamAsync(request, body, cancellationToken).ConfigureAwait(false);
        using var reader = new SseReader(stream, new SseReaderOptions { MaxEventSize = client.Options.MaxEventSize });
        while (await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            SseEvent e = reader.Current;
            if (!e.IsType("message"u8))
            {
                Terminal.Write("event: "u8);
                Terminal.Write(e.EventType);
                Terminal.Write("\n"u8);
            }

            Terminal.Write(e.Data);
            Terminal.Write("\n"u8);
            Terminal.Flush();
        }
    }
}
