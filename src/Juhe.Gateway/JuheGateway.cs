using Juhe.Gateway.Catalog;
using Juhe.Gateway.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Juhe.Gateway;

/// <summary>
/// An offline new-api gateway on loopback: every operation of Juhe's schema files, answered with
/// realistic deterministic payloads, streams in each family's framing, task lifecycles that advance
/// over polls, and faults on request. For tests, benchmarks and demos:
/// <code>await using var gateway = await JuheGateway.StartAsync();</code>
/// then point a client at <see cref="BaseUrl"/> with <see cref="ApiKey"/>.
/// </summary>
public sealed class JuheGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GatewayDispatcher _dispatcher;
    private readonly JuheGatewayOptions _options;

    private JuheGateway(WebApplication app, GatewayDispatcher dispatcher, JuheGatewayOptions options, Uri baseUrl)
    {
        _app = app;
        _dispatcher = dispatcher;
        _options = options;
        BaseUrl = baseUrl;
    }

    /// <summary>The gateway's root (<c>http://127.0.0.1:&lt;port&gt;/</c>): the client's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A relay key the gateway accepts: the first of <see cref="JuheGatewayOptions.ApiKeys"/>, or a sample key when any key is accepted.</summary>
    public string ApiKey => _options.ApiKeys.Count > 0 ? _options.ApiKeys[0] : "sk-juhe-offline-gateway";

    /// <summary>The system access token for the management <c>/api/*</c> routes.</summary>
    public string SystemAccessToken => _options.SystemAccessToken;

    /// <summary>The user id to send as <c>New-Api-User</c> with <see cref="SystemAccessToken"/>.</summary>
    public long UserId => _options.UserId;

    /// <summary>Every operation of the schema files the gateway embeds (Juhe's own; <see cref="JuheGatewayOptions.AdditionalSchemas"/> come on top).</summary>
    public static IReadOnlyList<JuheGatewayOperation> Operations { get; } =
        [.. GatewayHost.Catalog.Operations.Select(o => new JuheGatewayOperation(o.OperationId, o.Method, o.Path.Template, o.Document))];

    /// <summary>The calls received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<JuheGatewayCall> Calls => _dispatcher.Calls.Snapshot();

    /// <summary>Forgets the calls received so far.</summary>
    public void ClearCalls() => _dispatcher.Calls.Clear();

    /// <summary>Starts a gateway and returns once it listens.</summary>
    /// <param name="options">How it listens and answers; the defaults listen on a loopback port the OS picks.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running gateway; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option cannot work (the message names it).</exception>
    public static Task<JuheGateway> StartAsync(JuheGatewayOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options ?? new JuheGatewayOptions(), [], cancellationToken);

    /// <summary>Starts a gateway with command-line switches (<c>--urls</c>), as <c>dotnet run</c> does.</summary>
    internal static async Task<JuheGateway> StartAsync(JuheGatewayOptions options, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (WebApplication app, GatewayDispatcher dispatcher) = GatewayHost.Build(options, args);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Uri baseUrl = GatewayHost.ListeningAddress(app);
        dispatcher.BaseUrl = baseUrl;
        return new JuheGateway(app, dispatcher, options, baseUrl);
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops listening and releases the server.</summary>
    /// <returns>A task that completes once the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Describes the gateway without its credentials.</summary>
    /// <returns>The address and the number of operations.</returns>
    public override string ToString() => $"JuheGateway at {BaseUrl} ({Operations.Count} operations)";
}
