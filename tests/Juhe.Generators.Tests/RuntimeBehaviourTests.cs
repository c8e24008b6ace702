using System.Reflection;
using System.Runtime.Loader;
using Juhe.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Juhe.Generators.Tests;

/// <summary>
/// The generated code does what it promises at run time: the test schemas are compiled together
/// with a small probe class, loaded, and the probe's methods are called.
/// </summary>
public sealed class RuntimeBehaviourTests
{
    private const string Probe = """
        #pragma warning disable CS1591 // the probe is test code; the generated code must have no warnings
        using System.Text.Json;
        using Samples.Enums;
        using Samples.Unions;
        using Samples.Ops;
        using Samples.Nullables;

        public static class Probe
        {
            public static string RoundTripMessage(string json)
                => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Message)!, UserProject.JuheJsonContext.Default.Message);

            public static string RoundTripReply(string json)
                => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Reply)!, UserProject.JuheJsonContext.Default.Reply);

            public static string RoundTripPerson(string json)
                => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Person)!, UserProject.JuheJsonContext.Default.Person);

            public static string RoundTripEmbedding(string json)
                => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Embedding)!, UserProject.JuheJsonContext.Default.Embedding);

            public static string RoundTripSettings(string json)
                => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Settings)!, UserProject.JuheJsonContext.Default.Settings);

            public static string DescribeContent(string json)
            {
                Message message = JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Message)!;
                if (message.Content.String is { } text) return "string:" + text;
                var parts = new System.Collections.Generic.List<string>();
                foreach (Part part in message.Content.PartList!)
                {
                    parts.Add(part.TextPart is { } t ? "text:" + t.Text : part.ImagePart is { } i ? "image:" + i.Url : "unknown:" + part.Unknown!.Value.GetRawText());
                }
                return string.Join(",", parts);
            }

            public static string ReadRole(string json)
            {
                Role role = JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Role);
                return (role == Role.Assistant) + ":" + role.Value + ":" + ReferenceEquals(role.Value, Role.Assistant.Value);
            }

            public static string Deserialize(string json, string type) => type switch
            {
                "Person" => JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Person)!.Name,
                _ => JsonSerializer.Deserialize(json, UserProject.JuheJsonContext.Default.Message)!.Content.ToString()!,
            };

            public static string BuildWithout() => NoteRequest.CreateBuilder("t", new[] { "a" }).AddTag("b").Build() is var built ? string.Join(",", built.Tags) + ":" + built.Title : "";

            public static string BuildMissing() => new NoteRequestBuilder().WithPinned(true).Build().Title;

            public static string SerializeBuilt() => JsonSerializer.Serialize(new NoteRequestBuilder().WithTitle("t").AddTag("x").WithAdditionalProperty("vendor_extra", JsonDocument.Parse("1").RootElement).Build(), UserProject.JuheJsonContext.Default.NoteRequest);

            public static string ImplicitContent() => JsonSerializer.Serialize(new Message { Content = "hi" }, UserProject.JuheJsonContext.Default.Message)
                + JsonSerializer.Serialize(new Message { Content = new Part[] { new TextPart { Type = "text", Text = "a" } } }, UserProject.JuheJsonContext.Default.Message);
        }
        """;

    private static readonly Lazy<Assembly> s_assembly = new(Compile);

    private static Assembly Compile()
    {
        string[] schemas = ["object", "enum", "union", "nullable", "array", "dictionary", "ops"];
        GeneratorRun run = GeneratorHarness.Run(schemas.Select(s => GeneratorHarness.TestSchema(s + ".json")), Probe);
        Assert.Empty(run.CompileProblems());
        using var image = new MemoryStream();
        EmitResult result = run.Output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("generated", isCollectible: false).LoadFromStream(image);
    }

    private static string Call(string method, params object[] args)
    {
        try
        {
            return (string)s_assembly.Value.GetType("Probe")!.GetMethod(method)!.Invoke(null, args)!;
        }
        catch (TargetInvocationException ex)
        {
            throw ex.InnerException!;
        }
    }

    [Fact]
    public void Unknown_members_are_kept_and_written_back()
    {
        string json = """{"name":"Ada","age":36,"nickname":"ada","extra":{"a":[1,2]}}""";

        Assert.Equal(json, Call("RoundTripPerson", json));
    }

    [Fact]
    public void Optional_members_that_are_null_or_absent_are_left_out_when_written()
    {
        Assert.Equal("""{"name":"Ada","age":36}""", Call("RoundTripPerson", """{"name":"Ada","height":null,"age":36}"""));
    }

    [Fact]
    public void Dates_numbers_and_renamed_members_round_trip()
    {
        string json = """{"name":"Ada","age":36,"born_at":"1815-12-10T00:00:00+00:00","height":1.65,"verified":true,"user_id":9007199254740993}""";

        Assert.Equal(json, Call("RoundTripPerson", json));
    }

    [Fact]
    public void A_missing_required_member_is_a_JsonException_naming_it()
    {
        var error = Assert.Throws<System.Text.Json.JsonException>(() => Call("Deserialize", """{"age":1}""", "Person"));

        Assert.Contains("has no \"name\", which is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_nullable_members_are_written_as_null()
    {
        Assert.Equal("""{"content":null,"refusal":null}""", Call("RoundTripReply", """{"content":null,"refusal":null}"""));
    }

    [Fact]
    public void A_union_is_read_by_the_kind_of_JSON_value()
    {
        Assert.Equal("string:hello", Call("DescribeContent", """{"content":"hello"}"""));
        Assert.Equal("text:a,image:u", Call("DescribeContent", """{"content":[{"type":"text","text":"a"},{"url":"u","type":"image_url"}]}"""));
    }

    [Fact]
    public void A_discriminated_part_with_an_unknown_type_is_kept_as_JSON_and_written_back()
    {
        string json = """{"content":[{"type":"video","src":"v"},{"type":"text","text":"a"}]}""";

        Assert.Equal("""unknown:{"type":"video","src":"v"},text:a""", Call("DescribeContent", json));
        Assert.Equal(json, Call("RoundTripMessage", json));
    }

    [Fact]
    public void A_union_value_of_the_wrong_kind_is_a_JsonException()
    {
        var error = Assert.Throws<System.Text.Json.JsonException>(() => Call("Deserialize", """{"content":42}""", "Message"));

        Assert.Contains("Expected a string or an array for MessageContent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unions_convert_implicitly_from_their_alternatives()
    {
        Assert.Equal("""{"content":"hi"}{"content":[{"type":"text","text":"a"}]}""", Call("ImplicitContent"));
    }

    [Fact]
    public void Known_enum_values_are_the_cached_instances_and_unknown_values_are_accepted()
    {
        Assert.Equal("True:assistant:True", Call("ReadRole", "\"assistant\""));
        Assert.Equal("False:narrator:False", Call("ReadRole", "\"narrator\""));
    }

    [Fact]
    public void Arrays_nested_arrays_nullable_items_and_free_form_json_round_trip()
    {
        string json = """{"vector":[0.5,-1],"batches":[[1,2],[]],"labels":["a",null],"raw":{"any":[true,null]}}""";

        Assert.Equal(json, Call("RoundTripEmbedding", json));
    }

    [Fact]
    public void Dictionaries_round_trip()
    {
        string json = """{"logit_bias":{"50256":-100},"metadata":{"k":"v"},"anything":{"x":[1]}}""";

        Assert.Equal(json, Call("RoundTripSettings", json));
    }

    [Fact]
    public void A_builder_sets_required_members_through_CreateBuilder_and_adds_items()
    {
        Assert.Equal("a,b:t", Call("BuildWithout"));
    }

    [Fact]
    public void Build_without_a_required_member_names_each_missing_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Call("BuildMissing"));

        Assert.Equal("Cannot build NoteRequest: the required member(s) title (WithTitle), tags (WithTags or AddTag) are not set.", error.Message);
    }

    [Fact]
    public void A_built_request_serializes_its_additional_properties()
    {
        Assert.Equal("""{"title":"t","tags":["x"],"vendor_extra":1}""", Call("SerializeBuilt"));
    }
}
