// The gateway's NativeAOT smoke program: starts the gateway in-process (as the `juhe` CLI will),
// and checks a JSON answer, a stream, a validation error and a fault over loopback.
using System.Net;
using System.Text;
using Juhe.Gateway;

await using JuheGateway gateway = await JuheGateway.StartAsync();
using var http = new HttpClient { BaseAddress = gateway.BaseUrl };
http.DefaultRequestHeaders.Authorization = new("Bearer", gateway.ApiKey);

string models = await http.GetStringAsync(new Uri("/v1/models", UriKind.Relative));
Check(models.Contains("\"gpt-4o\"", StringComparison.Ordinal), "the model list names gpt-4o");

using var chat = new StringContent("""{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
using HttpResponseMessage stream = await http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), chat);
string events = await stream.Content.ReadAsStringAsync();
Check(events.StartsWith(": PING", StringComparison.Ordinal) && events.TrimEnd().EndsWith("data: [DONE]", StringComparison.Ordinal), "the chat stream is framed as new-api frames it");

using var invalid = new StringContent("""{"model":"gpt-4o"}""", Encoding.UTF8, "application/json");
using HttpResponseMessage refused = await http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), invalid);
Check(refused.StatusCode == HttpStatusCode.BadRequest && (await refused.Content.ReadAsStringAsync()).Contains("messages", StringComparison.Ordinal), "a missing member is a 400 naming it");

using var faulty = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/models", UriKind.Relative)) { Headers = { { "X-Juhe-Fault", "429-retry-after=3" } } };
using HttpResponseMessage limited = await http.SendAsync(faulty);
Check(limited.StatusCode == HttpStatusCode.TooManyRequests && limited.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(3), "a fault is answered on request");

Console.WriteLine($"Juhe.Gateway AOT smoke: OK ({JuheGateway.Operations.Count} operations at {gateway.BaseUrl})");
return 0;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine("Juhe.Gateway AOT smoke failed: " + what);
        Environment.Exit(1);
    }
}
