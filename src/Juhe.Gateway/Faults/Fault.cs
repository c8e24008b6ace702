using System.Globalization;

namespace Juhe.Gateway.Faults;

/// <summary>A fault one call asked for: its kind and its optional argument (<c>stall=250</c>).</summary>
internal sealed record Fault(FaultKind Kind, string Name, long? Argument)
{
    private static readonly Dictionary<string, FaultKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        [JuheGatewayFaults.RateLimited] = FaultKind.RateLimited,
        [JuheGatewayFaults.RateLimitedWithRetryAfter] = FaultKind.RateLimitedWithRetryAfter,
        [JuheGatewayFaults.RateLimitedBare] = FaultKind.RateLimitedBare,
        [JuheGatewayFaults.InternalError] = FaultKind.InternalError,
        [JuheGatewayFaults.BadGateway] = FaultKind.BadGateway,
        [JuheGatewayFaults.Unavailable] = FaultKind.Unavailable,
        [JuheGatewayFaults.HtmlErrorPage] = FaultKind.HtmlErrorPage,
        [JuheGatewayFaults.ErrorWithSuccessStatus] = FaultKind.ErrorEnvelopeWithSuccessStatus,
        [JuheGatewayFaults.MalformedJson] = FaultKind.MalformedJson,
        [JuheGatewayFaults.SlowFirstByte] = FaultKind.SlowFirstByte,
        [JuheGatewayFaults.DropConnection] = FaultKind.DropConnection,
        [JuheGatewayFaults.ErrorEvent] = FaultKind.ErrorEvent,
        [JuheGatewayFaults.RelayStreamError] = FaultKind.RelayStreamError,
        [JuheGatewayFaults.Stall] = FaultKind.Stall,
        [JuheGatewayFaults.OversizedEvent] = FaultKind.OversizedEvent,
    };

    /// <summary>The wait of <c>slow-first-byte</c> without an argument.</summary>
    public static readonly TimeSpan DefaultSlowFirstByte = TimeSpan.FromSeconds(2);

    /// <summary>The pause of <c>stall</c> without an argument.</summary>
    public static readonly TimeSpan DefaultStall = TimeSpan.FromSeconds(10);

    /// <summary>The size of <c>oversized-event</c> without an argument: above the client's 16 MiB default limit.</summary>
    public const int DefaultOversizedBytes = 17 << 20;

    /// <summary>The argument as a duration in milliseconds, or <paramref name="fallback"/>.</summary>
    public TimeSpan Milliseconds(TimeSpan fallback) => Argument is { } ms ? TimeSpan.FromMilliseconds(ms) : fallback;

    /// <summary>Every fault name, for error messages.</summary>
    public static string KnownNames => string.Join(", ", Names.Keys);

    /// <summary>Reads <c>name</c> or <c>name=argument</c>; <see langword="false"/> with a reason when it names no fault.</summary>
    public static bool TryParse(string text, out Fault? fault, out string? problem)
    {
        fault = null;
        problem = null;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        int equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        string name = equals < 0 ? trimmed : trimmed[..equals].Trim();
        long? argument = null;
        if (equals >= 0)
        {
            string value = trimmed[(equals + 1)..].Trim();
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
            {
                problem = $"the fault '{name}' takes a whole number of milliseconds, seconds or bytes after '=', not '{value}'";
                return false;
            }

            argument = parsed;
        }

        if (!Names.TryGetValue(name, out FaultKind kind))
        {
            problem = $"'{name}' is not a fault this gateway knows; use one of: {KnownNames}";
            return false;
        }

        fault = new Fault(kind, name, argument);
        return true;
    }
}
