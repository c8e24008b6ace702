using System.Collections.Immutable;
using Juhe.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Juhe.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="JuheSchemaGenerator"/> with <see cref="CSharpGeneratorDriver"/> over in-memory inputs.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_frameworkReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>The .NET framework assemblies plus, unless told otherwise, Juhe.dll.</summary>
    public static ImmutableArray<MetadataReference> References(bool withJuhe = true)
        => withJuhe ? s_frameworkReferences.Value.Add(MetadataReference.CreateFromFile(typeof(JuheClient).Assembly.Location)) : s_frameworkReferences.Value;

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, bool withJuhe = true, string assemblyName = "UserProject")
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References(withJuhe),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, ImmutableDictionary<string, string>? globalOptions = null, ImmutableDictionary<string, ImmutableDictionary<string, string>>? metadata = null)
        => CSharpGeneratorDriver.Create(
            [new JuheSchemaGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            new TestOptionsProvider(globalOptions ?? ImmutableDictionary<string, string>.Empty, metadata ?? ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator over schema files given as (path, text).</summary>
    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> schemas, string userCode = "", bool withJuhe = true, ImmutableDictionary<string, string>? globalOptions = null)
    {
        CSharpCompilation compilation = CreateCompilation([userCode], withJuhe);
        GeneratorDriver driver = CreateDriver(schemas.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)), globalOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), (CSharpCompilation)output, generatorDiagnostics);
    }

    public static GeneratorRun Run(string path, string text, string userCode = "", bool withJuhe = true) => Run([(path, text)], userCode, withJuhe);

    /// <summary>A test schema from TestSchemas/, as if it sat in a project's Schemas folder.</summary>
    public static (string Path, string Text) TestSchema(string fileName)
        => ("/project/Schemas/" + fileName, File.ReadAllText(Path.Combine(TestPaths.Schemas, fileName)));
}

internal sealed record GeneratorRun(GeneratorDriverRunResult Result, CSharpCompilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    public ImmutableArray<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Compiler diagnostics of the output compilation (generated code plus user code) at warning level and above.</summary>
    public ImmutableArray<Diagnostic> CompileProblems()
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}
