using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Juhe.AotSmoke;

/// <summary>
/// A minimal HTTP/1.1 server on loopback that answers each request by path with canned bytes, so
/// the AOT binary exercises the real socket, HTTP and TLS-free client stack without a network.
/// </summary>
internal sealed class LoopbackStub : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string, (string ContentType, byte[] Body)> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    /// <param name="answer">Given the request line and the request (headers and body), the content type and body to send.</param>
    public LoopbackStub(Func<string, string, (string ContentType, byte[] Body)> answer)
    {
        _answer = answer;
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using TcpClient connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using NetworkStream stream = connection.GetStream();
            string request = await ReadRequestAsync(stream);
            string requestLine = request[..request.IndexOf("\r\n", StringComparison.Ordinal)];
            (string contentType, byte[] body) = _answer(requestLine, request);
            byte[] head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head, _stop.Token);

            // Send the body in small writes, as a gateway streams tokens.
            for (int offset = 0; offset < body.Length; offset += 997)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(997, body.Length - offset)), _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
        }
    }

    private async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        int headerEnd = -1;
        int contentLength = 0;
        while (true)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
            string text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
            if (headerEnd < 0 && (headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
            {
                foreach (string line in text[..headerEnd].Split("\r\n"))
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        contentLength = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }

            if (headerEnd >= 0 && received.Length >= headerEnd + 4 + contentLength)
            {
                return text;
            }
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
