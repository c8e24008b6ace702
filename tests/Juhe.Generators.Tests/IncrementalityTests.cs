using System.Collections.Immutable;
using Juhe.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Juhe.Generators.Tests;

/// <summary>The pipeline reruns only what an edit touches: models are equatable, so unchanged inputs are cached.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
    [
        JuheSchemaGenerator.Steps.SchemaFiles, JuheSchemaGenerator.Steps.Parse, JuheSchemaGenerator.Steps.Documents,
        JuheSchemaGenerator.Steps.Host, JuheSchemaGenerator.Steps.Model, JuheSchemaGenerator.Steps.Types,
        JuheSchemaGenerator.Steps.Clients, JuheSchemaGenerator.Steps.Context, JuheSchemaGenerator.Steps.Accessors,
        JuheSchemaGenerator.Steps.ModelDiagnostics,
    ];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params AdditionalText[] files)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(["namespace User; public class A { }"]);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static InMemoryAdditionalText Schema(string name) => new InMemoryAdditionalText("/p/Schemas/" + name, File.ReadAllText(Path.Combine(TestPaths.Schemas, name)));

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> runs)
            ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray()
            : [];

    [Fact]
    public void An_unrelated_CSharp_edit_reruns_no_stage()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun(Schema("ops.json"), Schema("union.json"));
        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User; public class B { }", GeneratorHarness.ParseOptions));

        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            IncrementalStepRunReason[] reasons = Reasons(result, step);
            Assert.True(reasons.Length > 0, step + " did not run at all");
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " was " + reason));
        }
    }

    [Fact]
    public void Editing_one_schema_reparses_only_that_file_and_reemits_only_the_changed_type()
    {
        AdditionalText object1 = Schema("object.json");
        AdditionalText union = Schema("union.json");
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun(object1, union);
        string editedText = object1.GetText()!.ToString().Replace("\"The full name.\"", "\"The person's full name.\"", StringComparison.Ordinal);
        Assert.NotEqual(object1.GetText()!.ToString(), editedText);

        driver = driver.ReplaceAdditionalText(object1, new InMemoryAdditionalText(object1.Path, editedText));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        IncrementalStepRunReason[] parse = Reasons(result, JuheSchemaGenerator.Steps.Parse);
        Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Cached));

        ImmutableArray<IncrementalGeneratorRunStep> types = result.TrackedSteps[JuheSchemaGenerator.Steps.Types];
        var typeOutputs = types.SelectMany(s => s.Outputs).ToArray();
        var modified = typeOutputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((Juhe.Generators.Model.TypeModel)o.Value).Name).ToArray();
        Assert.Equal(["Person"], modified);
        Assert.All(typeOutputs.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        // The context lists the same types, so it is not emitted again.
        Assert.All(Reasons(result, JuheSchemaGenerator.Steps.Context), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.Contains("The person&apos;s full name.", result.GeneratedSources.Single(s => s.HintName == "Samples.Objects.Person.g.cs").SourceText.ToString().Replace("'", "&apos;", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
