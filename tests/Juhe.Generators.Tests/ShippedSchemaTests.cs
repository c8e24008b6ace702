using Juhe.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Juhe.Generators.Tests;

/// <summary>The schema files the library ships (src/Juhe/Schemas) generate cleanly.</summary>
public sealed class ShippedSchemaTests
{
    private static IEnumerable<(string Path, string Text)> ShippedSchemas()
        => Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "src", "Juhe", "Schemas"), "*.json")
            .Select(path => (path.Replace('\\', '/'), File.ReadAllText(path)));

    [Fact]
    public void The_shipped_schemas_produce_no_warnings_or_errors()
    {
        GeneratorRun run = GeneratorHarness.Run(ShippedSchemas());

        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains(run.Sources, s => s.HintName == "Juhe.Chat.ChatClient.g.cs");
    }

    [Fact]
    public void Chat_streaming_returns_the_chat_completion_decoder_and_leaves_the_stream_flag_to_the_client()
    {
        string client = GeneratorHarness.Run(ShippedSchemas()).Source("Juhe.Chat.ChatClient.g.cs");

        Assert.Contains("Task<global::Juhe.Streaming.ChatCompletionStream> StreamAsync(global::Juhe.Chat.ChatCompletionRequest request", client, StringComparison.Ordinal);
        Assert.Contains("{ StreamFlag = \"stream\" }", client, StringComparison.Ordinal);
        Assert.DoesNotContain("request.Stream =", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Completions_streaming_returns_the_text_completion_decoder()
    {
        string client = GeneratorHarness.Run(ShippedSchemas()).Source("Juhe.Completions.CompletionsClient.g.cs");

        Assert.Contains("Task<global::Juhe.Streaming.CompletionStream> StreamAsync(global::Juhe.Completions.CompletionRequest request", client, StringComparison.Ordinal);
        Assert.Contains("new global::Juhe.Streaming.CompletionStream(stream)", client, StringComparison.Ordinal);
    }

    [Fact]
    public void The_native_formats_stream_through_their_decoders_and_Gemini_asks_for_alt_sse()
    {
        GeneratorRun run = GeneratorHarness.Run(ShippedSchemas());

        Assert.Contains("Task<global::Juhe.Streaming.ClaudeMessageStream> StreamAsync(global::Juhe.Claude.ClaudeMessageRequest request", run.Source("Juhe.Claude.ClaudeClient.g.cs"), StringComparison.Ordinal);
        Assert.Contains("Task<global::Juhe.Streaming.ResponseStream> StreamAsync(global::Juhe.ResponsesApi.ResponseCreateRequest request", run.Source("Juhe.ResponsesApi.ResponsesClient.g.cs"), StringComparison.Ordinal);
        string gemini = run.Source("Juhe.Gemini.GeminiClient.g.cs");
        Assert.Contains("Task<global::Juhe.Streaming.GeminiStream> StreamGenerateContentAsync(string model, global::Juhe.Gemini.GeminiGenerateContentRequest request, global::System.Threading.CancellationToken cancellationToken = default)", gemini, StringComparison.Ordinal);
        Assert.Contains("AppendQuery(query, \"alt\", \"sse\");", gemini, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_assembly_that_declares_JuheClient_each_family_is_a_cached_JuheClient_property()
    {
        const string declaresJuheClient = "namespace Juhe.Http { public sealed partial class JuheClient { } }";

        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.TestSchema("ops.json")], declaresJuheClient, withJuhe: false);

        string accessors = run.Source("Juhe.Http.JuheClient.Clients.g.cs");
        Assert.Contains("public global::Samples.Ops.NotesClient Notes => _notes ??= new global::Samples.Ops.NotesClient(this);", accessors, StringComparison.Ordinal);
        Assert.DoesNotContain("NotesClientExtensions", run.Source("Samples.Ops.NotesClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_user_project_each_family_is_an_extension_method_on_JuheClient()
    {
        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.TestSchema("ops.json")], "class Use { static object M(Juhe.Http.JuheClient c) => Samples.Ops.NotesClientExtensions.GetNotes(c); }");

        Assert.DoesNotContain(run.Sources, s => s.HintName == "Juhe.Http.JuheClient.Clients.g.cs");
        Assert.Contains("public static global::Samples.Ops.NotesClient GetNotes(this global::Juhe.Http.JuheClient client) => new(client);", run.Source("Samples.Ops.NotesClient.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void The_context_name_comes_from_the_JuheJsonContextName_property()
    {
        var options = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("build_property.JuheJsonContextName", "My.Api.ApiJson");

        GeneratorRun run = GeneratorHarness.Run([GeneratorHarness.TestSchema("ops.json")], globalOptions: options);

        Assert.Contains("public partial class ApiJson :", run.Source("My.Api.ApiJson.g.cs"), StringComparison.Ordinal);
        Assert.Contains("global::My.Api.ApiJson.Default.Note", run.Source("Samples.Ops.NotesClient.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems());
    }
}
