namespace Juhe.Gateway.Faults;

/// <summary>The faults a call can ask for; <see cref="JuheGatewayFaults"/> documents their names.</summary>
internal enum FaultKind
{
    RateLimited,
    RateLimitedWithRetryAfter,
    RateLimitedBare,
    InternalError,
    BadGateway,
    Unavailable,
    HtmlErrorPage,
    ErrorEnvelopeWithSuccessStatus,
    MalformedJson,
    SlowFirstByte,
    DropConnection,
    ErrorEvent,
    RelayStreamError,
    Stall,
    OversizedEvent,
}
