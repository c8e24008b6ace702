using Juhe.Generators.Tests.Infrastructure;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Juhe.Generators.Tests;

/// <summary>Every problem in a schema file is reported with its id, the file and the line, and never crashes the compiler.</summary>
public sealed partial class DiagnosticTests
{
    private const string File = "/project/Schemas/broken.json";

    /// <summary>A valid document around the given <c>paths</c> and <c>schemas</c> bodies.</summary>
    private static string Document(string schemas, string paths = "", string root = "\"x-juhe-namespace\": \"Samples.Broken\",")
        => "{\n  \"openapi\": \"3.1.0\",\n  " + root + "\n  \"paths\": {\n" + paths + "\n  },\n  \"components\": { \"schemas\": {\n" + schemas + "\n  } }\n}\n";

    private const string Thing = "    \"Thing\": { \"type\": \"object\", \"properties\": { \"id\": { \"type\": \"string\" } } }";

    private static int LineOf(string text, string marker)
    {
        int index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, "marker not found: " + marker);
        return text.AsSpan(0, index).Count('\n');
    }

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Diagnostic[] matching = run.Diagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, "expected one " + id + ", got: " + string.Join(" | ", run.Diagnostics));
        return matching[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string path, int line)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line);
    }

    [Fact]
    public void Invalid_JSON_is_JUHE001_at_the_line_of_the_syntax_error_and_generates_nothing()
    {
        string text = "{\n  \"openapi\": \"3.1.0\",\n  \"x-juhe-namespace\": \"A\"\n  \"paths\": {}\n}\n";

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE001");
        AssertAt(diagnostic, File, 3);
        Assert.Contains("expected ',' or '}'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_unknown_ref_is_JUHE002_at_the_ref_and_names_what_is_missing()
    {
        string text = Document("    \"Thing\": { \"type\": \"object\", \"properties\": {\n      \"other\": { \"$ref\": \"#/components/schemas/Missing\" } } }");

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE002");
        AssertAt(diagnostic, File, LineOf(text, "\"$ref\""));
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("no schema named \"Missing\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_ref_into_another_file_that_does_not_exist_is_JUHE034()
    {
        string text = Document("    \"Thing\": { \"type\": \"object\", \"properties\": {\n      \"other\": { \"$ref\": \"nowhere.json#/components/schemas/X\" } } }");

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE034");
        AssertAt(diagnostic, File, LineOf(text, "\"$ref\""));
        Assert.Contains("no schema file named \"nowhere.json\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    private static string Operation(string operationId, string path = "/v1/things", string extra = "")
        => "    \"" + path + "\": { \"get\": {\n      \"operationId\": \"" + operationId + "\", \"x-juhe-client\": \"Things\", \"x-juhe-method\": \"Get" + operationId + "\"," + extra + "\n"
           + "      \"responses\": { \"200\": { \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Thing\" } } } } } } }";

    [Fact]
    public void A_duplicate_operationId_across_files_is_JUHE003_in_the_second_file()
    {
        string first = Document(Thing, Operation("getThing"));
        string second = Document(Thing.Replace("Thing", "Other", StringComparison.Ordinal).Replace("\"Other\"", "\"Thing2\"", StringComparison.Ordinal), Operation("getThing", "/v1/others").Replace("Thing\" }", "Thing2\" }", StringComparison.Ordinal), "\"x-juhe-namespace\": \"Samples.Second\",");

        GeneratorRun run = GeneratorHarness.Run([("/p/Schemas/a.json", first), ("/p/Schemas/b.json", second)]);

        Diagnostic diagnostic = Single(run, "JUHE003");
        AssertAt(diagnostic, "/p/Schemas/b.json", LineOf(second, "\"get\""));
        Assert.Contains("\"getThing\" is already used in a.json", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("Samples.Second.", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName == "Samples.Broken.Thing.g.cs");
    }

    [Fact]
    public void A_duplicate_type_name_across_files_is_JUHE004_in_the_second_file()
    {
        string first = Document(Thing);
        string second = Document(Thing, root: "\"x-juhe-namespace\": \"Samples.Second\",");

        GeneratorRun run = GeneratorHarness.Run([("/p/Schemas/a.json", first), ("/p/Schemas/b.json", second)]);

        Diagnostic diagnostic = Single(run, "JUHE004");
        AssertAt(diagnostic, "/p/Schemas/b.json", LineOf(second, "\"Thing\""));
        Assert.Contains("\"Thing\" is already generated from a.json", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AllOf_is_JUHE005_at_the_keyword()
    {
        string text = Document("    \"Thing\": {\n      \"allOf\": [ { \"type\": \"object\" } ] }");

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE005");
        AssertAt(diagnostic, File, LineOf(text, "\"allOf\""));
        Assert.Contains("\"allOf\" in the schema \"Thing\" is not supported", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_unknown_type_is_JUHE017_naming_the_type()
    {
        string text = Document("    \"Thing\": { \"type\": \"object\", \"properties\": {\n      \"when\": { \"type\": \"datetime\" } } }");

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE017");
        AssertAt(diagnostic, File, LineOf(text, "\"datetime\""));
        Assert.Contains("The type \"datetime\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_object_alternatives_without_a_discriminator_are_JUHE026()
    {
        string text = Document(Thing + ",\n    \"Either\": { \"oneOf\": [ { \"$ref\": \"#/components/schemas/Thing\" },\n      { \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\" } } } ] }");

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE026");
        Assert.Contains("Add a \"discriminator\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertAt(diagnostic, File, LineOf(text, "{ \"type\": \"object\", \"properties\": { \"x\""));
    }

    [Theory]
    [InlineData("x-juhe-client")]
    [InlineData("x-juhe-method")]
    public void A_missing_operation_extension_is_JUHE006_at_the_operation(string extension)
    {
        string operation = System.Text.RegularExpressions.Regex.Replace(Operation("getThing"), "\"" + extension + "\": \"[^\"]*\", ?", string.Empty);
        string text = Document(Thing, operation);
        Assert.DoesNotContain(extension, text, StringComparison.Ordinal);

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE006");
        AssertAt(diagnostic, File, LineOf(text, "{ \"get\""));
        Assert.Contains("has no \"" + extension + "\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_missing_namespace_is_JUHE006_at_the_document()
    {
        string text = Document(Thing, root: "\"info\": { \"title\": \"t\", \"version\": \"1\" },");

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE006");
        AssertAt(diagnostic, File, 0);
        Assert.Contains("\"x-juhe-namespace\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_path_parameter_missing_from_the_template_is_JUHE007_at_the_parameter()
    {
        string text = Document(Thing, Operation("getThing", extra: "\n      \"parameters\": [\n        { \"name\": \"thing_id\", \"in\": \"path\", \"required\": true, \"schema\": { \"type\": \"string\" } } ],"));

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE007");
        AssertAt(diagnostic, File, LineOf(text, "{ \"name\": \"thing_id\""));
        Assert.Contains("\"thing_id\" does not appear as {thing_id} in the path \"/v1/things\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_kind_of_value_is_JUHE008()
    {
        string text = Document("    \"Thing\": { \"type\": \"object\",\n      \"properties\": [] }");

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE008");
        AssertAt(diagnostic, File, LineOf(text, "[]"));
        Assert.Contains("must be an object, not an array", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_without_a_path_parameter_is_JUHE009()
    {
        string text = Document(Thing, Operation("getThing", "/v1/things/{thing_id}"));

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE009");
        AssertAt(diagnostic, File, LineOf(text, "{ \"get\""));
        Assert.Contains("{thing_id}", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_streaming_operation_without_a_request_body_is_JUHE010_info_and_its_other_methods_are_generated()
    {
        string text = Document(Thing, Operation("getThing").Replace("{ \"application/json\"", "{ \"text/event-stream\": { \"x-juhe-stream\": \"sse\" }, \"application/json\"", StringComparison.Ordinal));

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE010");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("a streaming operation without a request body is not generated yet", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("GetgetThingAsync(", run.Source("Samples.Broken.ThingsClient.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query", "\"Ids\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/components/schemas/Thing\" } }", "an array that is not a query array of primitives or enums")]
    [InlineData("header", "\"Ids\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }", "an array that is not a query array of primitives or enums")]
    [InlineData("query", "\"Ids\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" } }", "of type dictionary")]
    public void A_parameter_whose_ref_names_an_alias_without_a_wire_form_is_JUHE030(string location, string alias, string problem)
    {
        string text = Document(Thing + ",\n    " + alias, WithParameterIn("{ \"name\": \"ids\", \"in\": \"" + location + "\", \"schema\": { \"$ref\": \"#/components/schemas/Ids\" } }"));

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE030");
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertAt(diagnostic, File, LineOf(text, "{ \"name\": \"ids\""));
    }

    private static string WithParameterIn(string parameter)
        => Operation("getThing", extra: "\n      \"parameters\": [\n        " + parameter + " ],");

    [Fact]
    public void A_multipart_form_schema_also_used_as_JSON_is_JUHE004_saying_a_form_cannot_be_JSON()
    {
        string paths = "    \"/v1/upload\": { \"post\": {\n      \"operationId\": \"upload\", \"x-juhe-client\": \"Files\", \"x-juhe-method\": \"Upload\",\n"
            + "      \"requestBody\": { \"content\": { \"multipart/form-data\": { \"schema\": { \"$ref\": \"#/components/schemas/Thing\" } } } },\n"
            + "      \"responses\": { \"200\": { \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Thing\" } } } } } } }";
        string text = Document(Thing, paths);

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE004");
        Assert.Contains("a multipart form's schema cannot also be used as JSON", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Operations_in_a_compilation_that_cannot_see_JuheClient_are_JUHE011()
    {
        GeneratorRun run = GeneratorHarness.Run(File, Document(Thing, Operation("getThing")), withJuhe: false);

        Single(run, "JUHE011");
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Client", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_properties_with_the_same_CSharp_name_are_JUHE012_at_the_second()
    {
        string text = Document("    \"Thing\": { \"type\": \"object\", \"properties\": {\n      \"user_id\": { \"type\": \"string\" },\n      \"userId\": { \"type\": \"string\" } } }");

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE012");
        AssertAt(diagnostic, File, LineOf(text, "\"userId\""));
        Assert.Contains("\"UserId\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_that_polls_an_unknown_operation_is_JUHE013()
    {
        string text = Document(Thing, Operation("getThing", extra: "\n      \"x-juhe-task\": { \"poll\": \"getStatus\", \"id\": \"data.id\", \"status\": \"data.status\" },"));

        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, "JUHE013");
        AssertAt(diagnostic, File, LineOf(text, "{ \"poll\""));
        Assert.Contains("\"getStatus\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_refers_to_a_broken_file_generates_nothing_and_says_why()
    {
        string broken = "{ \"x-juhe-namespace\": \"A\", \"components\": { \"schemas\": { \"Thing\": { \"type\": \"nope\" } } } }";
        string user = Document("    \"User\": { \"type\": \"object\", \"properties\": {\n      \"thing\": { \"$ref\": \"a.json#/components/schemas/Thing\" } } }");

        GeneratorRun run = GeneratorHarness.Run([("/p/Schemas/a.json", broken), ("/p/Schemas/b.json", user)]);

        Single(run, "JUHE017");
        Diagnostic reference = Single(run, "JUHE035");
        AssertAt(reference, "/p/Schemas/b.json", LineOf(user, "\"$ref\""));
        Assert.Contains("a.json, which has errors of its own", reference.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_broken_file_does_not_stop_a_good_one()
    {
        GeneratorRun run = GeneratorHarness.Run([("/p/Schemas/bad.json", "{ oops"), GeneratorHarness.TestSchema("object.json")]);

        Single(run, "JUHE001");
        Assert.Contains(run.Sources, s => s.HintName == "Samples.Objects.Person.g.cs");
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void Json_files_outside_a_Schemas_folder_are_ignored_unless_marked_JuheSchema()
    {
        var files = new[] { new InMemoryAdditionalText("/p/config/settings.json", "{ not a schema"), new InMemoryAdditionalText("/p/api/mine.json", System.IO.File.ReadAllText(Path.Combine(TestPaths.Schemas, "object.json"))) };
        var metadata = System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableDictionary<string, string>>.Empty
            .Add("/p/api/mine.json", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.JuheSchema", "true"));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files, metadata: metadata)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation([string.Empty]), out _, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Contains(driver.GetRunResult().Results.Single().GeneratedSources, s => s.HintName == "Samples.Objects.Person.g.cs");
    }

    [Fact]
    public void Every_diagnostic_message_formats_with_its_arguments()
    {
        FieldInfo[] descriptors = typeof(JuheSchemaGenerator).Assembly.GetType("Juhe.Generators.Diagnostics.JuheDiagnostics")!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToArray();

        Assert.True(descriptors.Length >= 14);
        foreach (FieldInfo field in descriptors)
        {
            var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
            string message = Diagnostic.Create(descriptor, Location.None, "ARG0", "ARG1", "ARG2", "ARG3").GetMessage();
            Assert.DoesNotContain("{0}", message, StringComparison.Ordinal);
            Assert.StartsWith("JUHE", descriptor.Id, StringComparison.Ordinal);
        }
    }
}
