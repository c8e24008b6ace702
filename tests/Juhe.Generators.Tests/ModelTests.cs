using System.Collections;
using System.Reflection;
using Juhe.Generators.Model;
using Juhe.Generators.Parsing;
using Juhe.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Juhe.Generators.Tests;

/// <summary>
/// The values the pipeline caches are plain data: the same input gives structurally equal values,
/// and they hold nothing that pins a compilation (symbols, syntax) or a parsed JSON tree.
/// </summary>
public sealed class ModelTests
{
    private static readonly string[] TestSchemaNames = ["object", "enum", "union", "nullable", "array", "dictionary", "ops"];

    /// <summary>Every test schema plus the schemas the Juhe library ships, so every shape is in the model.</summary>
    private static AdditionalText[] AllSchemas()
        => TestSchemaNames.Select(n => Path.Combine(TestPaths.Schemas, n + ".json"))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "src", "Juhe", "Schemas"), "*.json"))
            .Select(path => (AdditionalText)new InMemoryAdditionalText("/p/Schemas/" + Path.GetFileName(path), File.ReadAllText(path)))
            .ToArray();

    private static GeneratorRunResult RunOnce()
    {
        Compilation compilation = GeneratorHarness.CreateCompilation(["namespace User; public class A { }"]);
        return GeneratorHarness.CreateDriver(AllSchemas()).RunGenerators(compilation).GetRunResult().Results.Single();
    }

    private static T[] Outputs<T>(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => (T)o.Value).ToArray();

    [Fact]
    public void Compiling_the_same_schemas_twice_gives_structurally_equal_models()
    {
        GeneratorRunResult first = RunOnce();
        GeneratorRunResult second = RunOnce();

        GenerationModel model1 = Outputs<GenerationModel>(first, JuheSchemaGenerator.Steps.Model).Single();
        GenerationModel model2 = Outputs<GenerationModel>(second, JuheSchemaGenerator.Steps.Model).Single();
        Assert.NotSame(model1, model2);
        Assert.Equal(model1, model2);
        Assert.Equal(model1.GetHashCode(), model2.GetHashCode());
        Assert.NotEmpty(model1.Clients);
        Assert.Contains(model1.Clients.SelectMany(c => c.Operations), o => o.Stream is not null);

        Assert.Equal(Outputs<SchemaDocument>(first, JuheSchemaGenerator.Steps.Parse), Outputs<SchemaDocument>(second, JuheSchemaGenerator.Steps.Parse));
        Assert.Equal(Outputs<HostModel>(first, JuheSchemaGenerator.Steps.Host), Outputs<HostModel>(second, JuheSchemaGenerator.Steps.Host));
    }

    [Fact]
    public void A_changed_schema_gives_an_unequal_model()
    {
        GenerationModel original = Outputs<GenerationModel>(RunOnce(), JuheSchemaGenerator.Steps.Model).Single();
        AdditionalText[] schemas = AllSchemas();
        AdditionalText ops = schemas.Single(s => s.Path.EndsWith("/ops.json", StringComparison.Ordinal));
        schemas[Array.IndexOf(schemas, ops)] = new InMemoryAdditionalText(ops.Path, ops.GetText()!.ToString().Replace("\"sse\"", "\"sse\", \"x-juhe-stream-method\": \"Watch\"", StringComparison.Ordinal));

        GeneratorRunResult changed = GeneratorHarness.CreateDriver(schemas).RunGenerators(GeneratorHarness.CreateCompilation(["namespace User; public class A { }"])).GetRunResult().Results.Single();

        GenerationModel edited = Outputs<GenerationModel>(changed, JuheSchemaGenerator.Steps.Model).Single();
        Assert.NotEqual(original, edited);
        Assert.Contains(edited.Clients.SelectMany(c => c.Operations), o => o.Stream?.MethodName == "WatchAsync");
    }

    private const string TaskSchema = """
        {
          "openapi": "3.1.0",
          "x-juhe-namespace": "Samples.Tasks",
          "paths": {
            "/v1/videos": { "post": {
              "operationId": "submitVideo", "x-juhe-client": "Videos", "x-juhe-method": "Submit",
              "x-juhe-task": { "poll": "getVideo", "id": "data.task_id", "status": "data.status", "result": "data.videos[].url",
                               "queued": ["submitted"], "running": ["processing"], "succeeded": ["succeed"], "failed": ["failed"] },
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VideoRequest" } } } },
              "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Submitted" } } } } } } },
            "/v1/videos/{task_id}": { "get": {
              "operationId": "getVideo", "x-juhe-client": "Videos", "x-juhe-method": "Get",
              "parameters": [ { "name": "task_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VideoTask" } } } } } } }
          },
          "components": { "schemas": {
            "VideoRequest": { "type": "object", "required": ["prompt"], "properties": { "prompt": { "type": "string" } } },
            "Submitted": { "type": "object", "properties": { "data": { "type": "object", "properties": { "task_id": { "type": "string" } } } } },
            "VideoTask": { "type": "object", "properties": { "data": { "type": "object", "properties": {
              "status": { "type": "string" },
              "videos": { "type": "array", "items": { "type": "object", "properties": { "url": { "type": "string" } } } } } } } }
          } }
        }
        """;

    [Fact]
    public void A_task_operation_resolves_its_paths_in_the_model_and_gets_plain_submit_and_run_methods()
    {
        GeneratorRun run = GeneratorHarness.Run("/p/Schemas/tasks.json", TaskSchema);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        GenerationModel model = Outputs<GenerationModel>(run.Result.Results.Single(), JuheSchemaGenerator.Steps.Model).Single();
        OperationModel submit = model.Clients.Single().Operations.Single(o => o.OperationId == "submitVideo");
        ResponseModel.Task task = Assert.IsType<ResponseModel.Task>(Assert.Single(submit.Responses));
        Assert.Equal("getVideo", task.Polling.PollOperationId);
        Assert.Equal("data.videos[].url", Assert.Single(task.Polling.Results).Text);
        Assert.Equal([new TaskPathStep("Data", false), new TaskPathStep("Videos", true), new TaskPathStep("Url", false)], task.Polling.Results[0].Steps);
        Assert.Equal(["succeed"], task.Polling.Succeeded);
        string client = run.Source("Samples.Tasks.VideosClient.g.cs");
        Assert.Contains("public global::System.Threading.Tasks.Task<global::Samples.Tasks.Submitted> SubmitAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public async global::System.Threading.Tasks.Task<global::Juhe.Tasks.JuheTaskHandle<global::Samples.Tasks.VideoTask>> SubmitSubmitAsync(", client, StringComparison.Ordinal);
        Assert.Contains("global::Juhe.Tasks.JuheTaskSnapshot<global::Samples.Tasks.VideoTask>> RunSubmitAsync(", client, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data.videos.url", "\"videos\" is an array: write \"videos[]\" to step into its items")]
    [InlineData("data.status[].x", "\"status\" of VideoTaskData is not an array")]
    [InlineData("data.videos[].href", "VideoTaskDataVideosItem has no member \"href\"")]
    [InlineData("data..status", "the path has an empty step")]
    public void A_task_result_path_that_does_not_fit_the_poll_response_is_JUHE045(string path, string problem)
    {
        GeneratorRun run = GeneratorHarness.Run("/p/Schemas/tasks.json", TaskSchema.Replace("\"data.videos[].url\"", "\"" + path + "\"", StringComparison.Ordinal));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("JUHE045", diagnostic.Id);
        Assert.Contains("from the poll response of getVideo, but " + problem, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cached_values_hold_no_symbols_syntax_or_JSON_nodes()
    {
        GeneratorRunResult result = RunOnce();
        object[] roots =
        [
            .. Outputs<SchemaDocument>(result, JuheSchemaGenerator.Steps.Parse),
            .. Outputs<HostModel>(result, JuheSchemaGenerator.Steps.Host),
            .. Outputs<GenerationModel>(result, JuheSchemaGenerator.Steps.Model),
        ];

        var visitedTypes = new HashSet<Type>();
        foreach (object root in roots)
        {
            Walk(root, visitedTypes, new HashSet<object>(ReferenceEqualityComparer.Instance), root.GetType().Name);
        }

        // The walk must have reached the leaves, or it proves nothing.
        Assert.Contains(typeof(TypeModel), visitedTypes);
        Assert.Contains(typeof(ResponseModel.Stream), visitedTypes);
        Assert.Contains(typeof(ParameterModel), visitedTypes);
        Assert.Contains(typeof(SchemaDef), visitedTypes);
    }

    private static void Walk(object? value, HashSet<Type> visitedTypes, HashSet<object> seen, string path)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        visitedTypes.Add(type);
        Assert.False(typeof(JsonNode).IsAssignableFrom(type), path + " holds a JSON node (" + type.Name + ")");
        Assert.False(type.Assembly == typeof(ISymbol).Assembly || type.Assembly == typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly, path + " holds a Roslyn object (" + type.FullName + ")");

        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                Walk(item, visitedTypes, seen, path + "[" + index++ + "]");
            }

            return;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), visitedTypes, seen, path + "." + field.Name.Replace("k__BackingField", string.Empty, StringComparison.Ordinal).Trim('<', '>'));
            }
        }
    }
}
