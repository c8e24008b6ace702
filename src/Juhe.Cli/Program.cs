using System.CommandLine;
using Juhe.Cli;
using Juhe.Cli.Commands;

// `juhe`: the gateway from the command line. Every command shares the connection options and one
// way of reporting failures (CliRunner); each command lives in its own file under Commands/.
var root = new RootCommand("juhe — a client for new-api / one-api AI gateways (offline gateway built in).");
foreach (Option option in ConnectionOptions.All)
{
    root.Options.Add(option);
}

root.Subcommands.Add(ChatCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(ImageCommand.Create());
root.Subcommands.Add(VideoCommand.Create());
root.Subcommands.Add(MusicCommand.Create());
root.Subcommands.Add(TokensCommand.Create());
root.Subcommands.Add(AccountCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(GatewayCommand.Create());

return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
