using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Juhe.Gateway;
using Juhe.Sse;

namespace Juhe.EndToEnd.Tests;

/// <summary>
/// The gateway's streams next to streams recorded from the real services (<c>../shared/realstreams</c>):
/// every event type it sends, and every member name at the top of its payloads, occurs in the
/// recordings of the same format. Skipped, with a message, where the recordings are absent.
/// </summary>
public sealed class RealStreamShapeTests
{
    private static readonly string Recordings = Path.Combine(EveryOperationTests.RepositoryRoot(), "..", "shared", "realstreams");

    [Fact]
    public async Task Chat_chunks_use_only_members_real_chat_streams_use()
    {
        if (!Available("openai-chat"))
        {
            return;
        }

        await using JuheGateway gateway = await JuheGateway.StartAsync();
        List<(string Type, string Data)> ours = await StreamAsync(gateway, "/v1/chat/completions",
            """{"model":"deepseek-reasoner","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""", ("Authorization", "Bearer sk-x"));

        AssertMembersOccur(ours, Recorded("openai-chat"), "choices.delta");
    }

    [Fact]
    public async Task Claude_events_and_their_members_occur_in_real_Anthropic_streams()
    {
        if (!Available("anthropic"))
        {
            return;
        }

        await using JuheGateway gateway = await Gateways.StartWithFutureFamiliesAsync();
        List<(string Type, string Data)> ours = await StreamAsync(gateway, "/v1/messages",
            """{"model":"claude-sonnet-4-20250514","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", ("x-api-key", "sk-x"));
        List<(string Type, string Data)> real = Recorded("anthropic");

        Assert.All(ours, e => Assert.Contains(e.Type, real.Select(r => r.Type)));
        AssertMembersOccur(ours, real, "message");
    }

    [Fact]
    public async Task Gemini_chunks_use_only_members_real_Gemini_streams_use()
    {
        if (!Available("gemini"))
        {
            return;
        }

        await using JuheGateway gateway = await Gateways.StartWithFutureFamiliesAsync();
        List<(string Type, string Data)> ours = await StreamAsync(gateway, "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
            """{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}""", ("x-goog-api-key", "sk-x"));

        AssertMembersOccur(ours, Recorded("gemini"), "candidates.content");
    }

    [Fact]
    public async Task Responses_events_occur_in_real_Responses_streams()
    {
        if (!Available("openai-responses"))
        {
            return;
        }

        await using JuheGateway gateway = await Gateways.StartWithFutureFamiliesAsync();
        List<(string Type, string Data)> ours = await StreamAsync(gateway, "/v1/responses", """{"model":"gpt-5","input":"hi","stream":true}""", ("Authorization", "Bearer sk-x"));
        List<(string Type, string Data)> real = Recorded("openai-responses");

        Assert.All(ours, e => Assert.Contains(e.Type, real.Select(r => r.Type)));
        AssertMembersOccur(ours, real, "response");
    }

    /// <summary>Every member name at the top of our payloads, and at <paramref name="nested"/>, occurs in some recorded payload.</summary>
    private static void AssertMembersOccur(List<(string Type, string Data)> ours, List<(string Type, string Data)> real, string nested)
    {
        HashSet<string> known = [.. real.SelectMany(e => MemberPaths(e.Data, nested))];
        string[] unknown = [.. ours.SelectMany(e => MemberPaths(e.Data, nested)).Distinct().Where(m => !known.Contains(m))];

        Assert.True(unknown.Length == 0, "Members no recorded stream has: " + string.Join(", ", unknown));
    }

    private static IEnumerable<string> MemberPaths(string data, string nested)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(data).RootElement.Clone();
        }
        catch (JsonException)
        {
            yield break; // [DONE] and non-JSON lines
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (JsonProperty member in root.EnumerateObject())
        {
            yield return member.Name;
        }

        foreach (JsonElement inner in Descend(root, nested.Split('.')))
        {
            foreach (JsonProperty member in inner.EnumerateObject())
            {
                yield return nested + "." + member.Name;
            }
        }
    }

    private static IEnumerable<JsonElement> Descend(JsonElement element, string[] path)
    {
        IEnumerable<JsonElement> current = [element];
        foreach (string name in path)
        {
            current = current.SelectMany(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement child)
                ? child.ValueKind == JsonValueKind.Array ? child.EnumerateArray().ToArray() : [child]
                : []);
        }

        return current.Where(e => e.ValueKind == JsonValueKind.Object);
    }

    private static bool Available(string format)
    {
        if (Directory.Exists(Path.Combine(Recordings, format)))
        {
            return true;
        }

        Console.WriteLine($"Skipped: the real stream recordings are not at {Path.Combine(Recordings, format)}.");
        return false;
    }

    private static List<(string Type, string Data)> Recorded(string format)
    {
        var events = new List<(string, string)>();
        foreach (string file in Directory.GetFiles(Path.Combine(Recordings, format), "*.sse"))
        {
            using var reader = new SseReader(File.OpenRead(file));
            while (reader.TryRead(out SseEvent e))
            {
                events.Add((e.EventTypeString(), e.DataString()));
            }
        }

        return events;
    }

    private static async Task<List<(string Type, string Data)>> StreamAsync(JuheGateway gateway, string path, string body, (string Name, string Value) key)
    {
        using var http = new HttpClient { BaseAddress = gateway.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(key.Name, key.Value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<(string, string)>();
        await using var reader = new SseReader(await response.Content.ReadAsStreamAsync());
        while (await reader.MoveNextAsync())
        {
            events.Add((reader.Current.EventTypeString(), reader.Current.DataString()));
        }

        return events;
    }
}
