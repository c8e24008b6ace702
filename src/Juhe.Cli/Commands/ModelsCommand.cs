using System.CommandLine;
using Juhe.Models;

namespace Juhe.Cli.Commands;

/// <summary><c>juhe models</c>: the models the key may use, one per line.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "List the models the key may use.");
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            ModelList list = await client.Models.ListAsync(ct).ConfigureAwait(false);
            foreach (Model model in list.Data)
            {
                Terminal.WriteLine(model.OwnedBy is { Length: > 0 } owner ? $"{model.Id}\t{owner}" : model.Id);
            }

            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
