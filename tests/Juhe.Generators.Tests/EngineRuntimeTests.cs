using System.Reflection;
using System.Runtime.Loader;
using Juhe.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Emit;

namespace Juhe.Generators.Tests;

/// <summary>
/// What the methods generated from TestSchemas/engine.json put on the wire: path forms, query
/// arrays, headers with defaults and the success rule. The schema is compiled with a probe that
/// records the request through a JuheClient, and the probe's methods are called.
/// </summary>
public sealed class EngineRuntimeTests
{
    private const string Probe = """
        #pragma warning disable CS1591 // the probe is test code
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Juhe.Http;
        using Samples.Engine;

        public static class EngineProbe
        {
            private sealed class Recorder(string answer) : HttpMessageHandler
            {
                public HttpRequestMessage? Last;

                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Last = request;
                    return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(answer, System.Text.Encoding.UTF8, "application/json") });
                }
            }

            private static string Send(System.Func<MediaClient, Task> call, string answer = "{}")
            {
                var recorder = new Recorder(answer);
                using var client = new JuheClient(new JuheClientOptions { BaseUrl = new("https://gw.example"), ApiKey = "sk-probe", HttpClient = new HttpClient(recorder), MaxRetries = 0 });
                call(client.GetMedia()).GetAwaiter().GetResult();
                HttpRequestMessage sent = recorder.Last!;
                string headers = string.Join(";", sent.Headers.Where(h => h.Key.StartsWith("x-", System.StringComparison.Ordinal) || h.Key == "anthropic-version").OrderBy(h => h.Key).Select(h => h.Key + "=" + string.Join(",", h.Value)));
                return sent.Method + " " + sent.RequestUri!.PathAndQuery + " " + headers;
            }

            public static string Generate(string model, string? version, string? trace)
                => Send(media => media.GenerateAsync(model, Tier.Relax, new Prompt { Text = "x" }, version, trace));

            public static string RunApp(string? mode, string app, bool all)
                => Send(media => media.RunAppAsync(app, new[] { 3, 14 }, mode is null ? (Tier?)null : new Tier(mode!),
                    tiers: all ? new[] { Tier.Fast, new Tier("a b") } : (Tier[]?)null, tier: all ? Tier.Relax : (Tier?)null, scale: all ? 0.5 : null, dryRun: all ? false : null));

            public static string RunAppFailing(string answer)
                => Send(media => media.RunAppAsync("x", new int[0]), answer);
        }
        """;

    private static readonly Lazy<Assembly> s_assembly = new(Compile);

    private static Assembly Compile()
    {
        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.TestSchema("engine.json")], Probe);
        Assert.Empty(run.CompileProblems());
        using var image = new MemoryStream();
        EmitResult result = run.Output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("engine", isCollectible: false).LoadFromStream(image);
    }

    private static string Call(string method, params object?[] args)
    {
        try
        {
            return (string)s_assembly.Value.GetType("EngineProbe")!.GetMethod(method)!.Invoke(null, args)!;
        }
        catch (TargetInvocationException ex)
        {
            throw ex.InnerException!;
        }
    }

    [Fact]
    public void A_path_parameter_next_to_literal_text_is_escaped_in_place()
    {
        Assert.StartsWith("POST /v1beta/models/gemini%202.5:generateContent ", Call("Generate", "gemini 2.5", null, null), StringComparison.Ordinal);
    }

    [Fact]
    public void Required_headers_are_sent_optional_ones_only_when_given_and_a_schema_default_when_left_null()
    {
        Assert.EndsWith(" anthropic-version=2023-06-01;x-tier=relax", Call("Generate", "m", null, null), StringComparison.Ordinal);
        Assert.EndsWith(" anthropic-version=2024-10-22;x-tier=relax;x-trace=t-1", Call("Generate", "m", "2024-10-22", "t-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_segment_parameter_keeps_its_slashes_and_escapes_each_segment()
    {
        Assert.StartsWith("GET /fast/run/fal-ai/flux%20pro/dev?", Call("RunApp", "fast", "fal-ai/flux pro/dev", false), StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_first_segment_left_null_drops_the_segment_and_its_slash()
    {
        Assert.StartsWith("GET /run/owner/name?", Call("RunApp", null, "owner/name", false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/fal-ai/flux")]
    [InlineData("fal-ai//flux")]
    [InlineData("fal-ai/flux/")]
    public void A_multi_segment_parameter_with_an_empty_segment_is_an_argument_error_naming_it(string app)
    {
        var e = Assert.Throws<ArgumentException>(() => Call("RunApp", null, app, false));

        Assert.Equal("app", e.ParamName);
        Assert.Contains("has an empty segment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_arrays_repeat_their_name_and_enums_booleans_and_numbers_use_their_wire_text()
    {
        Assert.Equal("GET /run/a?ids=3&ids=14&tiers=fast&tiers=a%20b&tier=relax&scale=0.5&dry_run=false ", Call("RunApp", null, "a", true));
        Assert.Equal("GET /run/a?ids=3&ids=14 ", Call("RunApp", null, "a", false));
    }

    [Fact]
    public void The_operations_envelope_decides_what_counts_as_failure()
    {
        var e = Assert.Throws<Juhe.Http.JuheApiException>(() => Call("RunAppFailing", """{"success":false,"message":"nope"}"""));

        Assert.Equal("nope", e.ErrorMessage);
    }
}
