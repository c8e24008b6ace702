using Juhe.Generators.Tests.Infrastructure;

namespace Juhe.Generators.Tests;

/// <summary>
/// The stream kinds of the native formats (<c>claude</c>, <c>gemini</c>, <c>responses</c>) hand out their
/// decoders, and a <c>const</c> query or header parameter is sent by the method instead of taken from the caller.
/// </summary>
public sealed class NativeFormatStreamTests
{
    private const string File = "/project/Schemas/native.json";

    /// <summary>One operation that streams with the given kind, with the given extra parameters.</summary>
    private static string Schema(string kind, string parameters = "", string jsonAnswer = "\"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Answer\" } },") => $$"""
        {
          "openapi": "3.1.0",
          "x-juhe-namespace": "Samples.Native",
          "paths": {
            "/v1beta/models/{model}:streamGenerateContent": { "post": {
              "operationId": "streamThing", "x-juhe-client": "Native", "x-juhe-method": "Generate",
              "parameters": [
                { "name": "model", "in": "path", "required": true, "schema": { "type": "string" } }{{parameters}}
              ],
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ask" } } } },
              "responses": { "200": { "content": {
                {{jsonAnswer}}
                "text/event-stream": { "x-juhe-stream": "{{kind}}", "x-juhe-stream-method": "StreamGenerate" } } } }
            } }
          },
          "components": { "schemas": {
            "Ask": { "type": "object", "properties": { "text": { "type": "string" } } },
            "Answer": { "type": "object", "properties": { "text": { "type": "string" } } }
          } }
        }
        """;

    [Theory]
    [InlineData("claude", "global::Juhe.Streaming.ClaudeMessageStream")]
    [InlineData("gemini", "global::Juhe.Streaming.GeminiStream")]
    [InlineData("responses", "global::Juhe.Streaming.ResponseStream")]
    [InlineData("sse", "global::Juhe.Sse.SseReader")]
    public void Each_stream_kind_returns_its_decoder_over_the_opened_stream(string kind, string decoder)
    {
        GeneratorRun run = GeneratorHarness.Run(File, Schema(kind));

        string client = run.Source("Samples.Native.NativeClient.g.cs");
        Assert.Contains("Task<" + decoder + "> StreamGenerateAsync(string model, global::Samples.Native.Ask request", client, StringComparison.Ordinal);
        Assert.Contains("return new " + decoder + "(stream);", client, StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void An_operation_that_only_streams_gets_only_the_streaming_method()
    {
        GeneratorRun run = GeneratorHarness.Run(File, Schema("gemini", jsonAnswer: ""));

        string client = run.Source("Samples.Native.NativeClient.g.cs");
        Assert.Contains("StreamGenerateAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain(" GenerateAsync(", client, StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_const_query_parameter_is_always_sent_and_is_not_a_method_parameter()
    {
        GeneratorRun run = GeneratorHarness.Run(File, Schema("gemini",
            ",\n        { \"name\": \"alt\", \"in\": \"query\", \"schema\": { \"type\": \"string\", \"const\": \"sse\" } }" +
            ",\n        { \"name\": \"x-mode\", \"in\": \"header\", \"schema\": { \"type\": \"boolean\", \"const\": true } }" +
            ",\n        { \"name\": \"key_hint\", \"in\": \"query\", \"schema\": { \"type\": \"string\" } }"));

        string client = run.Source("Samples.Native.NativeClient.g.cs");
        Assert.Contains("StreamGenerateAsync(string model, global::Samples.Native.Ask request, string? keyHint = null, global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
        Assert.Contains("AppendQuery(query, \"alt\", \"sse\");", client, StringComparison.Ordinal);
        Assert.Contains("(\"x-mode\", \"true\")", client, StringComparison.Ordinal);
        Assert.DoesNotContain("<param name=\"alt\">", client, StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }
}
