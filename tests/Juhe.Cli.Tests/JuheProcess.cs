using System.Diagnostics;
using System.Text;

namespace Juhe.Cli.Tests;

/// <summary>Runs <c>juhe</c> as a separate process and collects what a person would see.</summary>
internal static class JuheProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(IEnumerable<string> args, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        using Process process = Start(args, environment);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    public static Process Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Juhe.Cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean slate: no gateway or key from the machine running the tests.
        foreach (string name in new[] { "JUHE_BASE_URL", "JUHE_API_KEY", "JUHE_SYSTEM_TOKEN", "JUHE_USER_ID" })
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
