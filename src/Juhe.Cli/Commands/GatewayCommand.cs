using System.CommandLine;
using Juhe.Gateway;

namespace Juhe.Cli.Commands;

/// <summary><c>juhe gateway</c>: serves the offline gateway in the foreground, for other tools to use, until Ctrl+C.</summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (default: a loopback port the OS picks).", DefaultValueFactory = _ => "http://127.0.0.1:0" };
        var pacing = new Option<int>("--pacing-ms") { Description = "Pause between stream events, in milliseconds (a call can ask with X-Juhe-Pacing-Ms)." };
        var chunkBytes = new Option<int>("--chunk-bytes") { Description = "Write each stream event in pieces of this many bytes (0: whole events)." };
        var command = new Command("gateway", "Serve the offline gateway in the foreground (Ctrl+C stops it).") { urls, pacing, chunkBytes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new JuheGatewayOptions
            {
                Url = parse.GetValue(urls)!,
                StreamPacing = TimeSpan.FromMilliseconds(parse.GetValue(pacing)),
                StreamChunkBytes = parse.GetValue(chunkBytes),
            };
            try
            {
                await using JuheGateway gateway = await JuheGateway.StartAsync(options, cancellationToken).ConfigureAwait(false);
                Terminal.WriteLine(GatewayProcess.ListeningPrefix + gateway.BaseUrl);
                Terminal.WriteLine($"  any non-empty key works (e.g. {gateway.ApiKey}); /api routes: Authorization: {gateway.SystemAccessToken}, New-Api-User: {gateway.UserId}");
                Terminal.Flush();
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Terminal.Error.WriteLine("juhe: gateway stopped");
            }
            catch (IOException e)
            {
                Terminal.Error.WriteLine("juhe: the gateway could not listen on " + options.Url + ": " + e.Message);
                return CliRunner.Failed;
            }

            return CliRunner.Ok;
        });
        return command;
    }
}
