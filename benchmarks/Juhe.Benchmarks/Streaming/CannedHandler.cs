using System.Net;
using System.Net.Http.Headers;

namespace Juhe.Benchmarks.Streaming;

/// <summary>Answers every request with the same event-stream bytes, so SDKs can be measured without a network.</summary>
internal sealed class CannedHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
