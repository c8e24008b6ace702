using System.Diagnostics;

namespace Juhe.Cli;

/// <summary>
/// The offline gateway in a child process (<c>juhe gateway</c>), for <c>juhe bench</c>: with the
/// server in another process, this process's CPU time is the client's alone.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    public const string ListeningPrefix = "Juhe offline gateway listening on ";

    private readonly Process _process;

    private GatewayProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<GatewayProcess> StartAsync(IEnumerable<string> gatewayArgs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string self = Environment.ProcessPath ?? throw new CliException("cannot find this program's path to start the gateway.");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Run as `dotnet Juhe.Cli.dll`: the child needs the same entry assembly.
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Juhe.Cli.dll"));
        }

        start.ArgumentList.Add("gateway");
        foreach (string arg in gatewayArgs)
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new CliException("the gateway process did not start.");
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep the pipe drained
                    return new GatewayProcess(process, new Uri(line[ListeningPrefix.Length..].Trim()));
                }
            }

            string error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            throw new CliException("the gateway process ended before it listened: " + error.Trim());
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
