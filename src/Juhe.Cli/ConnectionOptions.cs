using System.CommandLine;
using System.Globalization;
using Juhe.Http;

namespace Juhe.Cli;

/// <summary>
/// Where the gateway is and who the caller is: flags first, then <c>JUHE_*</c> environment
/// variables. With no base URL at all, the built-in offline gateway serves the command.
/// </summary>
internal static class ConnectionOptions
{
    public static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = "The gateway root, such as https://gateway.example (default: $JUHE_BASE_URL, else the built-in offline gateway).",
        Recursive = true,
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "The relay key, sk-… (default: $JUHE_API_KEY).",
        Recursive = true,
    };

    public static readonly Option<string?> SystemToken = new("--system-token")
    {
        Description = "The system access token for the /api management routes (default: $JUHE_SYSTEM_TOKEN).",
        Recursive = true,
    };

    public static readonly Option<long?> UserId = new("--user-id")
    {
        Description = "The numeric user id sent as New-Api-User with the system token (default: $JUHE_USER_ID).",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [BaseUrl, ApiKey, SystemToken, UserId];

    /// <summary>The options for a gateway at <paramref name="baseUrl"/>, with the caller's credentials.</summary>
    public static JuheClientOptions Resolve(ParseResult parse, Uri baseUrl, string? defaultKey = null, string? defaultToken = null, long? defaultUser = null) => new()
    {
        BaseUrl = baseUrl,
        ApiKey = parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("JUHE_API_KEY") ?? defaultKey,
        SystemAccessToken = parse.GetValue(SystemToken) ?? Environment.GetEnvironmentVariable("JUHE_SYSTEM_TOKEN") ?? defaultToken,
        UserId = parse.GetValue(UserId) ?? ParseUser(Environment.GetEnvironmentVariable("JUHE_USER_ID")) ?? defaultUser,
    };

    /// <summary>The configured base URL, or <see langword="null"/> when the offline gateway should serve.</summary>
    public static Uri? ConfiguredBaseUrl(ParseResult parse)
    {
        string? text = parse.GetValue(BaseUrl) ?? Environment.GetEnvironmentVariable("JUHE_BASE_URL");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new CliException($"the base URL '{text}' is not an absolute http or https URL (--base-url or JUHE_BASE_URL).");
    }

    private static long? ParseUser(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;
}
