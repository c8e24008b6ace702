using System.Buffers;
using System.IO.Pipelines;
using Juhe.Gateway.Faults;
using Microsoft.AspNetCore.Http;

namespace Juhe.Gateway.Streaming;

/// <summary>
/// How a stream is delivered: a wait before each event, the size of the pieces each event is written
/// in, the keep-alive comment, and whether every event is flushed on its own (as a real gateway
/// does) or events are batched into larger writes (for throughput benchmarks).
/// </summary>
internal readonly record struct StreamPacing(TimeSpan DelayPerEvent, int PieceBytes, bool KeepAlive, bool FlushEachEvent = true);

/// <summary>
/// Writes a format's events to the response: the keep-alive comment, pacing, each event in pieces
/// when asked, and a mid-stream fault after half the events.
/// </summary>
internal static class EventStreamWriter
{
    private const int BatchBytes = 16 * 1024;

    public static async Task WriteAsync(HttpContext http, StreamFormat format, StreamRequest request, StreamPacing pacing, Fault? fault, CancellationToken cancellationToken)
    {
        HttpResponse response = http.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);

        if (pacing.KeepAlive && format.SendsKeepAlive)
        {
            await WriteFrameAsync(response, SseFrame.Comment("PING"), format, pacing, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<SseFrame> events = format.Events(request);
        int faultAt = events.Count / 2;
        for (int i = 0; i < events.Count; i++)
        {
            if (i == faultAt && fault is not null)
            {
                switch (fault.Kind)
                {
                    case FaultKind.DropConnection:
                        await DropAsync(http, cancellationToken).ConfigureAwait(false);
                        return;
                    case FaultKind.ErrorEvent:
                        await WriteFrameAsync(response, format.ErrorEvent(request, i), format, pacing, cancellationToken).ConfigureAwait(false);
                        return;
                    case FaultKind.RelayStreamError:
                        await WriteFrameAsync(response, format.RelayStreamError(request, i), format, pacing, cancellationToken).ConfigureAwait(false);
                        if (format.DoneMarker is { } done)
                        {
                            await WriteFrameAsync(response, done, format, pacing, cancellationToken).ConfigureAwait(false);
                        }

                        return;
                    case FaultKind.Stall:
                        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
                        await Task.Delay(fault.Milliseconds(Fault.DefaultStall), cancellationToken).ConfigureAwait(false);
                        break;
                    case FaultKind.OversizedEvent:
                        int size = (int)Math.Min(int.MaxValue - 1024, fault.Argument ?? Fault.DefaultOversizedBytes);
                        await WriteFrameAsync(response, format.OversizedEvent(request, size), format, pacing, cancellationToken).ConfigureAwait(false);
                        break;
                    case FaultKind.MalformedJson:
                        await WriteFrameAsync(response, format.MalformedEvent(), format, pacing, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }

            await WriteFrameAsync(response, events[i], format, pacing, cancellationToken).ConfigureAwait(false);
        }

        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Breaks the connection (a reset, no end of the chunked body). It first gives the client time to
    /// read what was sent: a reset discards whatever the peer has received but not yet read, and the
    /// fault is a stream that broke after it started, not a request that never got an answer.
    /// </summary>
    internal static async Task DropAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await http.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        http.Abort();
    }

    private static async Task WriteFrameAsync(HttpResponse response, SseFrame frame, StreamFormat format, StreamPacing pacing, CancellationToken cancellationToken)
    {
        if (pacing.DelayPerEvent > TimeSpan.Zero && !frame.IsComment)
        {
            await Task.Delay(pacing.DelayPerEvent, cancellationToken).ConfigureAwait(false);
        }

        byte[] bytes = frame.Encode(format.LineEnd);
        if (!pacing.FlushEachEvent && pacing.PieceBytes <= 0 && pacing.DelayPerEvent <= TimeSpan.Zero)
        {
            // Batched: the bytes go into Kestrel's pipe and leave in writes of about 16 KiB.
            PipeWriter writer = response.BodyWriter;
            writer.Write(bytes);
            if (writer.CanGetUnflushedBytes && writer.UnflushedBytes >= BatchBytes)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        int piece = pacing.PieceBytes > 0 ? pacing.PieceBytes : bytes.Length;
        for (int offset = 0; offset < bytes.Length; offset += piece)
        {
            await response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)), cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
