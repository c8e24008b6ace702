using Juhe.Gateway;
using Juhe.Http;

namespace Juhe.EndToEnd.Tests;

/// <summary>Helpers shared by the end-to-end tests: a gateway per test and a client pointed at it.</summary>
internal static class Gateways
{
    /// <summary>A client for <paramref name="gateway"/> with fast retries, sending <paramref name="headers"/> on every request.</summary>
    public static JuheClient ClientFor(JuheGateway gateway, HeaderInjector? headers = null, Func<JuheClientOptions, JuheClientOptions>? configure = null)
    {
        var options = new JuheClientOptions
        {
            BaseUrl = gateway.BaseUrl,
            ApiKey = gateway.ApiKey,
            SystemAccessToken = gateway.SystemAccessToken,
            UserId = gateway.UserId,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
            HttpClient = new HttpClient(headers ?? new HeaderInjector()) { Timeout = Timeout.InfiniteTimeSpan },
        };
        return new JuheClient(configure is null ? options : configure(options));
    }

    /// <summary>A gateway that also serves <c>Schemas/future-families.json</c> (Claude, Gemini, Responses, audio, tasks, management).</summary>
    public static async Task<JuheGateway> StartWithFutureFamiliesAsync(int binaryAnswerBytes = 64 * 1024, int taskRunningPolls = 1)
    {
        string schema = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "future-families.json"));
        return await JuheGateway.StartAsync(new JuheGatewayOptions
        {
            AdditionalSchemas = new Dictionary<string, string> { ["future-families.json"] = schema },
            BinaryAnswerBytes = binaryAnswerBytes,
            TaskRunningPolls = taskRunningPolls,
        });
    }

    /// <summary>Calls to <paramref name="operationId"/> the gateway received.</summary>
    public static int CallsTo(this JuheGateway gateway, string operationId) => gateway.Calls.Count(c => c.OperationId == operationId);
}

/// <summary>
/// Adds headers to every request a client sends: how a test asks the gateway for a fault
/// (<c>X-Juhe-Fault</c>) or for pacing through the generated clients, which take no headers.
/// </summary>
internal sealed class HeaderInjector : DelegatingHandler
{
    public HeaderInjector() : base(new SocketsHttpHandler()) { }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach ((string name, string value) in Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
