using System.Net;
using Juhe.Http;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;

namespace Juhe.Tests.Families;

/// <summary>What the video and music family tests share: a client over a scripted gateway, request checks, the error envelopes, a virtual poll clock.</summary>
internal static class MediaTaskTesting
{
    public const string Gateway = "https://gateway.example.com";

    /// <summary>A client that does not retry, so each scripted answer is seen once.</summary>
    public static JuheClient ClientFor(FakeHandler handler) => TestClients.Create(handler, maxRetries: 0);

    /// <summary>Answers the i-th request with the i-th JSON body (200), repeating the last.</summary>
    public static FakeHandler Answering(params string[] bodies) =>
        FakeHandler.Answering([.. bodies.Select(b => (Func<HttpResponseMessage>)(() => Responses.Json(HttpStatusCode.OK, b)))]);

    /// <summary>Polling on a virtual clock with no jitter: waits finish at once and their delays are exact.</summary>
    public static JuheTaskPollingOptions Polling(VirtualClock clock) => new() { TimeProvider = clock, Jitter = 0 };

    public static void AssertSent(RecordedRequest sent, HttpMethod method, string pathAndQuery, string? json = null)
    {
        Assert.Equal(method, sent.Method);
        Assert.Equal(Gateway + pathAndQuery, sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        if (json is null)
        {
            Assert.Null(sent.Body);
        }
        else
        {
            Assert.Equal("application/json", sent.ContentType);
            JsonAssert.Equivalent(json, sent.BodyText);
        }
    }

    /// <summary>
    /// The ways a task route says "failed" (catalogue §0.3): the gateway's own middleware in OpenAI
    /// shape, its TaskError with an HTTP status, and a task-code envelope inside a 200.
    /// </summary>
    public static readonly (HttpStatusCode Status, string Body, string Code, string Message)[] ErrorEnvelopes =
    [
        (HttpStatusCode.Unauthorized, """{"error":{"message":"无效的令牌 (request id: 2025041112000001)","type":"new_api_error"}}""", "", "无效的令牌"),
        (HttpStatusCode.NotFound, """{"code":"task_not_exist","message":"task_not_exist","data":null}""", "task_not_exist", "task_not_exist"),
        (HttpStatusCode.OK, """{"code":"get_task_failed","message":"upstream said no","data":null}""", "get_task_failed", "upstream said no"),
    ];

    /// <summary>Runs <paramref name="call"/> against each error envelope and checks it raises <see cref="JuheApiException"/> with the gateway's code and message, never the key.</summary>
    public static async Task AssertEveryErrorEnvelopeRaises(Func<JuheClient, Task> call)
    {
        foreach ((HttpStatusCode status, string body, string code, string message) in ErrorEnvelopes)
        {
            FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(status, body));
            using JuheClient client = ClientFor(gateway);

            JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => call(client));

            Assert.Equal(status, e.StatusCode);
            Assert.Contains(message, e.Message, StringComparison.Ordinal);
            if (code.Length > 0)
            {
                Assert.Equal(code, e.ErrorCode);
            }

            Assert.DoesNotContain(TestClients.ApiKey, e.Message, StringComparison.Ordinal);
            Assert.Single(gateway.Requests);
        }
    }
}
