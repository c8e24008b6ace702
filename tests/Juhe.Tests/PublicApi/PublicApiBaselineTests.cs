using Juhe.Http;

namespace Juhe.Tests.PublicApi;

/// <summary>
/// The public surface of the Juhe library (hand-written and generated) is pinned in
/// <c>Juhe.PublicApi.txt</c>: any change to it fails here until the file is updated on purpose
/// (<c>JUHE_UPDATE_API=1 dotnet test</c>) and the diff reviewed with the change.
/// </summary>
public sealed class PublicApiBaselineTests
{
    private static readonly string BaselinePath = Path.Combine(RepoRoot(), "tests", "Juhe.Tests", "PublicApi", "Juhe.PublicApi.txt");

    [Fact]
    public void The_public_API_matches_the_approved_baseline()
    {
        string actual = PublicApiFormatter.Format(typeof(JuheClient).Assembly);
        if (Environment.GetEnvironmentVariable("JUHE_UPDATE_API") == "1")
        {
            File.WriteAllText(BaselinePath, actual);
        }

        string approved = File.Exists(BaselinePath) ? File.ReadAllText(BaselinePath).ReplaceLineEndings("\n") : "";
        string[] added = [.. actual.Split('\n').Except(approved.Split('\n'))];
        string[] removed = [.. approved.Split('\n').Except(actual.Split('\n'))];

        Assert.True(added.Length == 0 && removed.Length == 0,
            "The public API changed. If that is intended, run `JUHE_UPDATE_API=1 dotnet test` and commit tests/Juhe.Tests/PublicApi/Juhe.PublicApi.txt.\n" +
            "Added:\n  " + string.Join("\n  ", added) + "\nRemoved:\n  " + string.Join("\n  ", removed));
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NativeAot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NativeAot.sln was not found above " + AppContext.BaseDirectory);
    }
}
