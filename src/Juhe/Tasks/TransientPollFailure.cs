using System.Net.Http;
using Juhe.Http;

namespace Juhe.Tasks;

/// <summary>
/// Which poll failures are worth polling again for: the task is still on the gateway, only this
/// look at it failed. Anything else (401, 404, a payload that cannot be read) surfaces at once.
/// </summary>
internal static class TransientPollFailure
{
    /// <summary>Whether <paramref name="failure"/>, thrown by a poll that was not cancelled by the poller, may pass on a later poll.</summary>
    public static bool Is(Exception failure) => failure switch
    {
        JuheApiException api => api.IsTransient,
        HttpRequestException http => http.HttpRequestError is not (HttpRequestError.SecureConnectionError
            or HttpRequestError.UserAuthenticationError or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.ProxyTunnelError),
        IOException or TimeoutException => true,

        // Not our token (the caller's and the time limit's are checked first): HttpClient.Timeout ran out for this attempt.
        OperationCanceledException => true,
        _ => false,
    };
}
