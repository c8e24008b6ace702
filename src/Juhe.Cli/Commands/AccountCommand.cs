using System.CommandLine;
using System.Globalization;
using Juhe.Management;

namespace Juhe.Cli.Commands;

/// <summary><c>juhe account</c>: who the system token belongs to, and the quota left.</summary>
internal static class AccountCommand
{
    public static Command Create()
    {
        var command = new Command("account", "Show the account the system access token belongs to.");
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            UserResult result = await client.Management.GetSelfAsync(ct).ConfigureAwait(false);
            User user = result.Data ?? throw new CliException("the gateway answered without the account's data.");
            Terminal.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                user      {user.Username} (id {user.Id}{(user.DisplayName is { Length: > 0 } shown ? ", " + shown : "")})
                group     {user.Group}
                quota     ${(user.Quota ?? 0) / 500_000.0:0.##} left, ${(user.UsedQuota ?? 0) / 500_000.0:0.##} used
                requests  {user.RequestCount}
                """));
            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
