using System.CommandLine;
using Juhe.Http;

namespace Juhe.Cli;

/// <summary>The client a command talks through: to the configured gateway, or to the offline one started for this run.</summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    private readonly IAsyncDisposable? _offline;

    private GatewayConnection(JuheClient client, IAsyncDisposable? offline)
    {
        Client = client;
        _offline = offline;
    }

    public JuheClient Client { get; }

    public static async Task<GatewayConnection> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (ConnectionOptions.ConfiguredBaseUrl(parse) is { } baseUrl)
        {
            JuheClientOptions configured = ConnectionOptions.Resolve(parse, baseUrl);
            if (string.IsNullOrEmpty(configured.ApiKey) && string.IsNullOrEmpty(configured.SystemAccessToken))
            {
                throw new CliException($"no key for {baseUrl}: set JUHE_API_KEY (or --api-key).");
            }

            return new GatewayConnection(new JuheClient(configured), offline: null);
        }

        OfflineGateway gateway = await OfflineGateway.StartAsync(cancellationToken).ConfigureAwait(false);
        Terminal.Error.WriteLine($"juhe: no JUHE_BASE_URL set; using the built-in offline gateway at {gateway.BaseUrl}");
        var options = ConnectionOptions.Resolve(parse, gateway.BaseUrl, gateway.ApiKey, gateway.SystemAccessToken, gateway.UserId);
        return new GatewayConnection(new JuheClient(options), gateway);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_offline is not null)
        {
            await _offline.DisposeAsync().ConfigureAwait(false);
        }
    }
}
