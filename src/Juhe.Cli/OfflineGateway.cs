using Juhe.Gateway;

namespace Juhe.Cli;

/// <summary>The offline gateway, started in this process for a run without a configured one.</summary>
internal sealed class OfflineGateway : IAsyncDisposable
{
    private readonly JuheGateway _gateway;

    private OfflineGateway(JuheGateway gateway) => _gateway = gateway;

    public Uri BaseUrl => _gateway.BaseUrl;

    public string ApiKey => _gateway.ApiKey;

    public string SystemAccessToken => _gateway.SystemAccessToken;

    public long UserId => _gateway.UserId;

    public static async Task<OfflineGateway> StartAsync(CancellationToken cancellationToken) =>
        new(await JuheGateway.StartAsync(new JuheGatewayOptions { TaskRunningPolls = 3 }, cancellationToken).ConfigureAwait(false));

    public ValueTask DisposeAsync() => _gateway.DisposeAsync();
}
