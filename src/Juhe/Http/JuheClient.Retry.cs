using System.Globalization;
using System.Net.Http.Headers;

namespace Juhe.Http;

// When to try again, and how long to wait first.
public sealed partial class JuheClient
{
    /// <summary>Connection-level failures worth another try; a TLS or proxy-credential problem is not.</summary>
    private static bool IsRetryableConnectionFailure(HttpRequestException e) =>
        e.StatusCode is null
        && e.HttpRequestError is not (HttpRequestError.SecureConnectionError or HttpRequestError.UserAuthenticationError
            or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.ProxyTunnelError);

    /// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, capped at <see cref="JuheClientOptions.MaxRetryDelay"/>.</summary>
    private TimeSpan Backoff(int attempt)
    {
        double step = Options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        double jittered = (step / 2) + (Random.Shared.NextDouble() * step / 2);
        return TimeSpan.FromMilliseconds(Math.Min(jittered, Options.MaxRetryDelay.TotalMilliseconds));
    }

    /// <summary>The wait the gateway asks for: <c>retry-after-ms</c>, or <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out IEnumerable<string>? values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            TimeSpan wait = date - Options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
