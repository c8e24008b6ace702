namespace Juhe.Tests.Streaming.RealStreams;

/// <summary>
/// The recorded streams in <c>../shared/realstreams</c> next to the repository (never copied into
/// it: they are other projects' test data). Absent in a plain clone, so the tests then skip.
/// </summary>
internal static class RealStreamFiles
{
    public static readonly string? Folder = Find();

    public static string SkipReason =>
        "The recorded streams are not here: put them at ../shared/realstreams next to the repository root to run these tests.";

    public static TheoryData<string> Of(string format)
    {
        var data = new TheoryData<string>();
        if (Folder is not null)
        {
            foreach (string file in Directory.GetFiles(Path.Combine(Folder, format), "*.sse").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    public static byte[] Read(string format, string name) => File.ReadAllBytes(Path.Combine(Folder!, format, name));

    private static string? Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NativeAot.sln")))
            {
                string folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "realstreams"));
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }
}

/// <summary>A theory over recorded streams, skipped with a clear message where they are absent.</summary>
internal sealed class RealStreamsTheoryAttribute : TheoryAttribute
{
    public RealStreamsTheoryAttribute()
    {
        if (RealStreamFiles.Folder is null)
        {
            Skip = RealStreamFiles.SkipReason;
        }
    }
}

/// <summary>A fact over recorded streams, skipped with a clear message where they are absent.</summary>
internal sealed class RealStreamsFactAttribute : FactAttribute
{
    public RealStreamsFactAttribute()
    {
        if (RealStreamFiles.Folder is null)
        {
            Skip = RealStreamFiles.SkipReason;
        }
    }
}
