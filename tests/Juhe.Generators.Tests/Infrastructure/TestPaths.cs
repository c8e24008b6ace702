using System.Runtime.CompilerServices;

namespace Juhe.Generators.Tests.Infrastructure;

/// <summary>Where the checked-in inputs and expected outputs live (the source tree, not bin/).</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = Path.GetDirectoryName(ThisFile())!.Replace("/Infrastructure", string.Empty, StringComparison.Ordinal);

    public static string Schemas => Path.Combine(ProjectDirectory, "TestSchemas");

    public static string Expected => Path.Combine(ProjectDirectory, "Expected");

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
