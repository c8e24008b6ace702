namespace Juhe.Cli;

/// <summary>The offline gateway for a run without a configured one.</summary>
internal sealed class OfflineGateway : IAsyncDisposable
{
    private OfflineGateway(Uri baseUrl)
    {
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string ApiKey { get; } = "sk-juhe-offline";

    public string SystemAccessToken { get; } = "juhe-offline-system-token";

    public long UserId { get; } = 1;

    public static Task<OfflineGateway> StartAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        throw new CliException("no gateway is configured: set JUHE_BASE_URL (or --base-url) and JUHE_API_KEY.");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
