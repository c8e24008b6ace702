using System.Net;
using System.Text;

namespace Juhe.Tests.Http;

/// <summary>What the client put on the wire for one attempt.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[]? Body, int Attempt)
{
    public string BodyText => Body is null ? "" : Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>A message handler that records every request and answers from a script; no network.</summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<RecordedRequest> _requests = [];
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    /// <summary>Answers attempt i with responses[i], repeating the last one.</summary>
    public static FakeHandler Answering(params Func<HttpResponseMessage>[] responses) =>
        new((request, _) => Task.FromResult(responses[Math.Min(request.Attempt, responses.Length - 1)]()));

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public Task FirstRequest => _firstRequest.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        if (request.Content is not null)
        {
            // CopyToAsync (not ReadAsByteArrayAsync, which buffers inside the content) makes the content write itself again each attempt.
            using var copy = new MemoryStream();
            await request.Content.CopyToAsync(copy, cancellationToken);
            body = copy.ToArray();
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        RecordedRequest recorded;
        lock (_requests)
        {
            recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body, _requests.Count);
            _requests.Add(recorded);
        }

        _firstRequest.TrySetResult();
        HttpResponseMessage response = await _respond(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

public static class Responses
{
    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        With(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, headers);

    public static HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType, params (string Name, string Value)[] headers) =>
        With(new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) }, headers);

    public static HttpResponseMessage Stream(HttpStatusCode status, Stream body, string mediaType = "text/event-stream")
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(status) { Content = content };
    }

    public static HttpResponseMessage OpenAiError(HttpStatusCode status, string code = "some_code", params (string Name, string Value)[] headers) =>
        Json(status, $$$"""{"error":{"message":"failed with {{{code}}}","type":"new_api_error","param":"","code":"{{{code}}}"}}""", headers);

    private static HttpResponseMessage With(HttpResponseMessage response, (string Name, string Value)[] headers)
    {
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
