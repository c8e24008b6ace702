using System.Runtime.CompilerServices;
using Juhe.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Juhe.Generators.Tests;

// One small broken schema per diagnostic id: each is reported once, on the line of the mistake,
// with a message naming what is wrong.
public sealed partial class DiagnosticTests
{
    private const string Ref = "{ \"$ref\": \"#/components/schemas/";

    /// <summary>A <c>Thing</c> object with one extra property <paramref name="name"/> of the given schema.</summary>
    private static string ThingWith(string name, string schema)
        => "    \"Thing\": { \"type\": \"object\", \"properties\": {\n      \"id\": { \"type\": \"string\" },\n      \"" + name + "\": " + schema + " } }";

    /// <summary>A POST operation with a JSON body and the given 200 content.</summary>
    private static string Post(string body, string content, string extra = "")
        => "    \"/v1/things\": { \"post\": {\n      \"operationId\": \"addThing\", \"x-juhe-client\": \"Things\", \"x-juhe-method\": \"Add\"," + extra + "\n"
           + "      \"requestBody\": { \"content\": { \"application/json\": { \"schema\": " + Ref + body + "\" } } } },\n"
           + "      \"responses\": { \"200\": { \"content\": {\n        " + content + " } } } } }";

    private const string JsonThing = "\"application/json\": { \"schema\": " + Ref + "Thing\" } }";

    private static string WithParameter(string parameter)
        => Operation("getThing", extra: "\n      \"parameters\": [\n        " + parameter + " ],");

    /// <summary>A submit operation polled by <c>getThing</c> (on <paramref name="pollClient"/>) with the given status path.</summary>
    private static string TaskPair(string status, string pollClient = "Things")
        => "    \"/v1/things\": { \"post\": {\n      \"operationId\": \"addThing\", \"x-juhe-client\": \"Things\", \"x-juhe-method\": \"Add\",\n"
           + "      \"x-juhe-task\": { \"poll\": \"getThing\", \"id\": \"id\", \"status\": \"" + status + "\" },\n"
           + "      \"responses\": { \"200\": { \"content\": { " + JsonThing + " } } } } },\n"
           + "    \"/v1/things/{id}\": { \"get\": {\n      \"operationId\": \"getThing\", \"x-juhe-client\": \"" + pollClient + "\", \"x-juhe-method\": \"Get\",\n"
           + "      \"parameters\": [ { \"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": { \"type\": \"string\" } } ],\n"
           + "      \"responses\": { \"200\": { \"content\": { " + JsonThing + " } } } } }";

    /// <summary>An upload operation whose multipart form is <c>Form</c>.</summary>
    private const string Upload = "    \"/v1/upload\": { \"post\": {\n      \"operationId\": \"upload\", \"x-juhe-client\": \"Files\", \"x-juhe-method\": \"Upload\",\n"
        + "      \"requestBody\": { \"content\": { \"multipart/form-data\": { \"schema\": " + Ref + "Form\" } } } },\n"
        + "      \"responses\": { \"200\": { \"content\": { " + JsonThing + " } } } } }";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "JUHE046", Document(Thing, Operation("getThing", extra: " \"x-juhe-envelope\": \"openai\",")),
            "\"openai\"", "\"x-juhe-envelope\" is \"openai\". Use \"management\", \"midjourney\", \"task-code\" or \"none\""
        },
        {
            "JUHE047", Document(Thing, WithParameter("{ \"name\": \"model\", \"in\": \"query\", \"x-juhe-segments\": true, \"schema\": { \"type\": \"string\" } }")),
            "\"model\"", "The parameter \"model\" has \"x-juhe-segments\", which only path parameters may have"
        },
        {
            "JUHE048", Document(Thing, Operation("getThing", "/mj/{mode}/things", "\n      \"parameters\": [\n        { \"name\": \"mode\", \"in\": \"path\", \"x-juhe-optional-prefix\": true, \"schema\": { \"type\": \"string\" } } ],")),
            "{ \"name\": \"mode\"", "the path \"/mj/{mode}/things\" does not start with \"/{mode}/\""
        },
        {
            "JUHE049", Document(Thing + ",\n    \"Form\": { \"type\": \"object\", \"properties\": {\n      \"labels\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" } } } }", Upload),
            "\"labels\"", "The part \"labels\" of the multipart form Form is a dictionary"
        },
        {
            "JUHE050", Document(ThingWith("count", "{ \"type\": \"integer\" }"), TaskPair("count")),
            "\"x-juhe-task\"", "reads its status from \"count\", which is of type int32; it must be a string or a string enum"
        },
        {
            "JUHE051", Document(Thing, TaskPair("id", pollClient: "Others")),
            "\"x-juhe-task\"", "polls with \"getThing\", but it is on the client \"Others\", not \"Things\""
        },
        {
            "JUHE014", Document(Thing, Operation("getThing").Replace("\"GetgetThing\"", "\"Get thing\"", StringComparison.Ordinal)),
            "\"Get thing\"", "The \"x-juhe-method\" value \"Get thing\" is not a C# identifier"
        },
        {
            "JUHE015", Document(Thing, root: "\"x-juhe-namespace\": \"My-Namespace\","),
            "My-Namespace", "\"My-Namespace\" is not a valid C# namespace"
        },
        {
            "JUHE016", Document(Thing + ",\n    \"thing_list\": { \"type\": \"object\" }"),
            "\"thing_list\"", "Rename it, e.g. to \"ThingList\""
        },
        {
            "JUHE018", Document(ThingWith("size", "{ \"type\": [\"string\", \"integer\"] }")),
            "\"size\"", "more than one non-null type"
        },
        {
            "JUHE019", Document(ThingWith("nothing", "{ \"type\": \"null\" }")),
            "\"nothing\"", "can only be null"
        },
        {
            "JUHE020", Document(ThingWith("level", "{ \"type\": \"string\", \"enum\": [\"low\", 2] }")),
            "\"level\"", "A non-string value in the \"enum\""
        },
        {
            "JUHE021", Document(ThingWith("level", "{ \"type\": \"string\", \"enum\": [\"low\", \"high\"], \"x-juhe-enum-names\": [\"Low\"] }")),
            "\"level\"", "has 1 names for 2 enum values"
        },
        {
            "JUHE022", Document("    \"Thing\": { \"type\": \"object\",\n      \"required\": [\"nope\"], \"properties\": { \"id\": { \"type\": \"string\" } } }"),
            "\"required\"", "names \"nope\", which is not one of its properties"
        },
        {
            "JUHE023", Document(ThingWith("file", "{ \"type\": \"string\", \"format\": \"binary\" }")),
            "\"file\"", "\"format\": \"binary\" cannot be sent or read as JSON"
        },
        {
            "JUHE024", Document("    \"Inner\": { \"oneOf\": [ { \"type\": \"string\" }, { \"type\": \"integer\" } ] },\n    \"Outer\": { \"oneOf\": [\n      " + Ref + "Inner\" },\n      { \"type\": \"boolean\" } ] }"),
            Ref + "Inner\"", "An alternative of the union Outer is itself a union"
        },
        {
            "JUHE025", Document(Thing + ",\n    \"Either\": { \"discriminator\": { \"propertyName\": \"kind\", \"mapping\": { \"a\": \"#/components/schemas/Thing\" } },\n      \"oneOf\": [ " + Ref + "Thing\" },\n      { \"type\": \"string\" } ] }"),
            "{ \"type\": \"string\" } ]", "discriminated union Either is not a $ref to an object schema"
        },
        {
            "JUHE027", Document(Thing + ",\n    \"Other\": { \"type\": \"object\" },\n    \"Either\": { \"oneOf\": [ " + Ref + "Thing\" }, " + Ref + "Other\" } ],\n      \"discriminator\": { \"propertyName\": \"kind\", \"mapping\": {\n        \"zz\": \"#/components/schemas/Elsewhere\" } } }"),
            "\"zz\"", "maps \"zz\" to \"#/components/schemas/Elsewhere\", which is not one of the \"oneOf\" alternatives"
        },
        {
            "JUHE028", Document(Thing, Operation("getThing", "v1/things")),
            "\"v1/things\"", "does not start with '/'"
        },
        {
            "JUHE029", Document(Thing, Operation("getThing").Replace("{ \"get\"", "{\n      \"parameters\": [], \"get\"", StringComparison.Ordinal)),
            "\"parameters\"", "Path-level \"parameters\" are not supported"
        },
        {
            "JUHE030", Document(Thing, WithParameter("{ \"name\": \"ids\", \"in\": \"query\", \"schema\": { \"type\": \"array\", \"items\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } } } }")),
            "\"ids\"", "The parameter \"ids\" is of type array"
        },
        {
            "JUHE032", Document(Thing, root: "\"x-juhe-namespace\": \"Samples.Broken\", \"x-juhe-auth\": \"basic\","),
            "\"basic\"", "must be one of bearer, anthropic, google, system or none"
        },
        {
            "JUHE033", Document(Thing, Operation("getThing").Replace("\"application/json\"", "\"application/xml\"", StringComparison.Ordinal)),
            "\"application/xml\"", "The response media type \"application/xml\" is not supported"
        },
        {
            "JUHE036", Document(ThingWith("other", "{ \"$ref\": \"#/definitions/Other\" }")),
            "\"other\"", "The $ref \"#/definitions/Other\" is not supported"
        },
        {
            "JUHE037", Document(Thing + ",\n    \"Loop\": " + Ref + "Loop\" }"),
            "\"Loop\"", "The schema \"Loop\" refers to itself without an object in between"
        },
        {
            "JUHE038", Document(Thing, Operation("getThing").Replace(Ref + "Thing\" }", "{ \"type\": \"object\" }", StringComparison.Ordinal)),
            "{ \"type\": \"object\" }", "An inline response schema has no type name"
        },
        {
            "JUHE039", Document(Thing + ",\n    \"Kind\": { \"type\": \"string\", \"enum\": [\"a\"] }", Post("Kind", JsonThing)),
            "\"requestBody\"", "The request body \"#/components/schemas/Kind\" is not an object schema"
        },
        {
            "JUHE040", Document(Thing + ",\n    \"Alias\": { \"type\": \"string\" }", Operation("getThing").Replace("Thing\" }", "Alias\" }", StringComparison.Ordinal)),
            "Alias\" }", "The response \"#/components/schemas/Alias\" is not an object, enum or union schema"
        },
        {
            "JUHE045", Document(Thing, Operation("getThing", extra: "\n      \"x-juhe-task\": { \"poll\": \"getThing\", \"id\": \"data.id\", \"status\": \"id\" },")),
            "{ \"poll\"", "reads \"data.id\" from the submit response, but Thing has no member \"data\""
        },
        {
            "JUHE041", Document(Thing, Post("Thing", JsonThing + ",\n        \"text/event-stream\": { \"x-juhe-stream\": \"anthropic\" }")),
            "\"anthropic\"", "\"x-juhe-stream\" is \"anthropic\""
        },
        {
            "JUHE042", Document(Thing, Post("Thing", JsonThing + ",\n        \"text/event-stream\": { \"x-juhe-stream\": \"sse\" }", " \"x-juhe-stream-flag\": \"id\",")),
            "\"text/event-stream\"", "names \"id\", which is not a boolean property of Thing"
        },
        {
            "JUHE043", Document(Thing, WithParameter("{ \"$ref\": \"#/components/parameters/Limit\" }")),
            "#/components/parameters/Limit", "A parameter \"$ref\" is not supported"
        },
        {
            "JUHE044", Document(Thing, WithParameter("{ \"name\": \"session\", \"in\": \"cookie\", \"schema\": { \"type\": \"string\" } }")),
            "\"cookie\"", "\"in\" is \"cookie\""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_problem_has_its_own_id_reported_once_at_the_line_of_the_mistake(string id, string text, string marker, string message)
    {
        GeneratorRun run = GeneratorHarness.Run(File, text);

        Diagnostic diagnostic = Single(run, id);
        AssertAt(diagnostic, File, LineOf(text, marker));
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_generator_failure_is_JUHE099_naming_the_exception_and_does_not_crash_the_compiler()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver([new UnreadableAdditionalText("/p/Schemas/locked.json")])
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation([string.Empty]), out _, out var diagnostics);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("JUHE099", diagnostic.Id);
        Assert.Contains("IOException: the disk is gone", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
    }

    [Fact]
    public void Every_descriptor_is_findable_by_its_id_and_covered_by_a_test_here()
    {
        string tests = System.IO.File.ReadAllText(ThisFile()) + System.IO.File.ReadAllText(ThisFile().Replace(".Cases.cs", ".cs", StringComparison.Ordinal));
        Type diagnostics = typeof(JuheSchemaGenerator).Assembly.GetType("Juhe.Generators.Diagnostics.JuheDiagnostics")!;
        var find = (Func<string, DiagnosticDescriptor>)Delegate.CreateDelegate(typeof(Func<string, DiagnosticDescriptor>), diagnostics.GetMethod("Find")!);
        DiagnosticDescriptor[] descriptors = diagnostics.GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToArray();

        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            Assert.Same(descriptor, find(descriptor.Id));
            Assert.True(tests.Contains("\"" + descriptor.Id + "\"", StringComparison.Ordinal), descriptor.Id + " has no test in DiagnosticTests");
        }
    }

    [Fact]
    public void The_generator_README_documents_every_id_with_its_severity()
    {
        string readme = System.IO.File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "generators", "Juhe.Generators", "README.md"));
        Type diagnostics = typeof(JuheSchemaGenerator).Assembly.GetType("Juhe.Generators.Diagnostics.JuheDiagnostics")!;

        foreach (DiagnosticDescriptor descriptor in diagnostics.GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!))
        {
            string row = readme.Split('\n').SingleOrDefault(line => line.StartsWith("| " + descriptor.Id + " |", StringComparison.Ordinal)) ?? string.Empty;
            Assert.True(row.Length > 0, descriptor.Id + " has no row in generators/Juhe.Generators/README.md");
            Assert.Contains("| " + descriptor.DefaultSeverity + " |", row, StringComparison.Ordinal);
        }
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>An additional file whose text cannot be read, to make the parse stage fail.</summary>
    private sealed class UnreadableAdditionalText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => throw new IOException("the disk is gone");
    }
}
