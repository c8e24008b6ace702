using System.CommandLine;
using Juhe.Http;

namespace Juhe.Cli;

/// <summary>
/// Runs a command's body with the shared policy: a client for the configured gateway (or the
/// offline one), one clear line and a non-zero exit code for every failure, never a stack trace,
/// and Ctrl+C ending the work cleanly.
/// </summary>
internal static class CliRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(ParseResult parse, Func<JuheClient, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            await using GatewayConnection connection = await GatewayConnection.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            return await body(connection.Client, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Terminal.Error.WriteLine();
            Terminal.Error.WriteLine("juhe: interrupted");
            return Interrupted;
        }
        catch (JuheApiException e)
        {
            Terminal.Error.WriteLine("juhe: " + Describe(e));
            return Failed;
        }
        catch (TimeoutException e)
        {
            Terminal.Error.WriteLine("juhe: timed out: " + e.Message);
            return Failed;
        }
        catch (CliException e)
        {
            Terminal.Error.WriteLine("juhe: " + e.Message);
            return Usage;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException or FormatException or HttpRequestException)
        {
            Terminal.Error.WriteLine("juhe: " + e.Message);
            return Failed;
        }
#pragma warning disable CA1031 // The promise is one line and an exit code, never a stack trace, whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Terminal.Error.WriteLine($"juhe: unexpected {e.GetType().Name}: {e.Message}");
            return Failed;
        }
    }

    /// <summary>Status, the gateway's own words, and the request id to quote to its operator.</summary>
    public static string Describe(JuheApiException e)
    {
        string status = e.StatusCode == 0 ? "" : $"{(int)e.StatusCode} ";
        string what = e.Kind == JuheErrorKind.Gateway && e.ErrorMessage is { Length: > 0 } said ? said : e.Message;
        string id = e.RequestId is { } requestId && !what.Contains(requestId, StringComparison.Ordinal) ? $" (request id: {requestId})" : "";
        return $"{status}{what}{id}";
    }
}
