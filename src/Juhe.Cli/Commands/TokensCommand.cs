using System.CommandLine;
using System.Globalization;
using Juhe.Management;

namespace Juhe.Cli.Commands;

/// <summary><c>juhe tokens list|add|delete</c>: the account's relay keys, through the management API.</summary>
internal static class TokensCommand
{
    /// <summary>new-api counts quota in units of 1/500,000 US dollar.</summary>
    private const double QuotaPerDollar = 500_000;

    public static Command Create()
    {
        var command = new Command("tokens", "List, add and delete the account's relay keys (needs the system access token and user id).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Delete());
        return command;
    }

    private static Command List()
    {
        var page = new Option<int>("--page") { Description = "The page, from 1.", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--size") { Description = "Tokens per page (at most 100).", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "List the relay keys.") { page, size };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            int perPage = parse.GetValue(size);
            TokenList list = await client.Management.ListTokensAsync(parse.GetValue(page), perPage, perPage, ct).ConfigureAwait(false);
            IList<Token> tokens = list.Data?.Page?.Items ?? list.Data?.Items ?? [];
            Terminal.WriteLine("ID\tNAME\tSTATUS\tREMAINING\tKEY");
            foreach (Token token in tokens)
            {
                string remaining = token.UnlimitedQuota == true ? "unlimited" : $"${(token.RemainQuota ?? 0) / QuotaPerDollar:0.##}";
                Terminal.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{token.Id}\t{token.Name}\t{Status(token.Status)}\t{remaining}\t{token.Key}"));
            }

            if (list.Data?.Page is { Total: { } total })
            {
                Terminal.Error.WriteLine($"[{tokens.Count} of {total}]");
            }

            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The new key's name." };
        var dollars = new Option<double?>("--quota") { Description = "Its quota in US dollars (default: unlimited)." };
        var models = new Option<string?>("--models") { Description = "Comma-separated models it may use (default: any)." };
        var command = new Command("add", "Create a relay key (new-api does not return the key: find it with `tokens list`).") { name, dollars, models };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            double? quota = parse.GetValue(dollars);
            string? limits = parse.GetValue(models);
            CreateTokenRequest request = CreateTokenRequest.CreateBuilder(parse.GetValue(name)!).Build();
            request.ExpiredTime = -1;
            request.UnlimitedQuota = quota is null;
            request.RemainQuota = quota is { } d ? (long)(d * QuotaPerDollar) : 0;
            request.ModelLimitsEnabled = !string.IsNullOrWhiteSpace(limits);
            request.ModelLimits = limits ?? "";
            ManagementResult result = await client.Management.CreateTokenAsync(request, ct).ConfigureAwait(false);
            Terminal.WriteLine($"created {request.Name}" + (result.Message is { Length: > 0 } message ? $" ({message})" : ""));
            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Delete()
    {
        var id = new Argument<long>("id") { Description = "The key's id (see `tokens list`)." };
        var command = new Command("delete", "Delete a relay key.") { id };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            await client.Management.DeleteTokenAsync(parse.GetValue(id), ct).ConfigureAwait(false);
            Terminal.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deleted {parse.GetValue(id)}"));
            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static string Status(int? status) => status switch
    {
        1 => "enabled",
        2 => "disabled",
        3 => "expired",
        4 => "exhausted",
        null => "",
        _ => status.Value.ToString(CultureInfo.InvariantCulture),
    };
}
