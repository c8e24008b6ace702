namespace Juhe.Gateway;

/// <summary>The gateway program's own switch; everything else goes to ASP.NET Core (<c>--urls</c>).</summary>
internal static class CommandLine
{
    /// <summary>Takes <c>--schemas &lt;folder&gt;</c> out of <paramref name="args"/> and reads the folder's <c>*.json</c> files.</summary>
    public static (Dictionary<string, string> Schemas, string[] HostArgs) TakeSchemas(string[] args)
    {
        var schemas = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] != "--schemas")
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Length || !Directory.Exists(args[i + 1]))
            {
                throw new ArgumentException($"--schemas needs a folder of schema files; '{(i + 1 < args.Length ? args[i + 1] : "(nothing)")}' is not one.", nameof(args));
            }

            foreach (string file in Directory.GetFiles(args[++i], "*.json"))
            {
                schemas[Path.GetFileName(file)] = File.ReadAllText(file);
            }
        }

        return (schemas, [.. rest]);
    }
}
