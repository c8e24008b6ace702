using System.Text.RegularExpressions;
using Juhe.Generators.Tests.Infrastructure;

namespace Juhe.Generators.Tests;

/// <summary>The example in src/Juhe/Schemas/README.md generates and its usage snippet compiles, so the README cannot drift.</summary>
public sealed partial class ReadmeExampleTests
{
    [GeneratedRegex("```(json|csharp)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [Fact]
    public void The_README_example_schema_and_usage_compile_without_warnings()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "Juhe", "Schemas", "README.md"));
        Match[] blocks = CodeBlock().Matches(readme).ToArray();
        string schema = blocks.First(b => b.Groups[1].Value == "json").Groups[2].Value;
        string usage = blocks.Last(b => b.Groups[1].Value == "csharp").Groups[2].Value;
        string[] lines = usage.Split('\n').Select(l => l.Trim()).ToArray();
        string usings = string.Join("\n", lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using var", StringComparison.Ordinal)));
        string body = string.Join("\n", lines.Where(l => !(l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using var", StringComparison.Ordinal))));
        string program = usings + "\nusing Juhe.Http;\n/// <summary>Example.</summary>\npublic static class Example\n{\n    /// <summary>Runs it.</summary>\n    public static async System.Threading.Tasks.Task RunAsync(string key)\n    {\n" + body + "\n    }\n}\n";

        GeneratorRun run = GeneratorHarness.Run([("/p/Schemas/family.json", schema)], program);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }
}
