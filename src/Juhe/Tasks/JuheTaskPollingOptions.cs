using System.Globalization;

namespace Juhe.Tasks;

/// <summary>
/// How a task is polled: a quick first poll, delays that double up to a cap, an overall time
/// limit, and how many failed polls in a row are tolerated. The defaults suit the gateway
/// families: a Midjourney image takes about a minute, a video several, a busy queue longer.
/// </summary>
public sealed class JuheTaskPollingOptions
{
    /// <summary>The longest delay <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> accepts (about 49 days).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>The options used when none are given.</summary>
    public static JuheTaskPollingOptions Default { get; } = new();

    /// <summary>
    /// The wait before the first poll; each later wait doubles, up to <see cref="MaxDelay"/>.
    /// Must be positive and not above <see cref="MaxDelay"/>. Default 1 second.
    /// </summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls. Default 10 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long to wait for the task to finish, polls included; then the wait fails with a
    /// <see cref="JuheTaskTimeoutException"/> (the task itself may still finish later).
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit. Default 30 minutes.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The largest fraction by which each wait is shortened at random, so that many tasks started
    /// together do not poll in lockstep: a wait of <c>d</c> becomes between <c>d × (1 − Jitter)</c>
    /// and <c>d</c>. From 0 (no jitter) up to, not including, 1. Default 0.1.
    /// </summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>
    /// How many polls in a row may fail transiently (429, 5xx, a dropped connection, a poll that
    /// timed out) before polling gives up with a <see cref="JuheTaskPollingException"/>; a
    /// successful poll resets the count. At least 1. Default 5. Each poll already has the
    /// client's own retries.
    /// </summary>
    public int MaxConsecutivePollFailures { get; init; } = 5;

    /// <summary>
    /// Further poll failures to treat as transient, beyond the built-in ones (429, 5xx, dropped
    /// connections, timed-out polls). For families whose poll route briefly denies a task that was
    /// just submitted — Runway may answer <c>task_not_exist</c> right after the submit — return
    /// <see langword="true"/> for that error. They count towards <see cref="MaxConsecutivePollFailures"/>
    /// like any other. Default <see langword="null"/> (none).
    /// </summary>
    public Func<Exception, bool>? IsTransientFailure { get; init; }

    /// <summary>The clock and timers for waits and the time limit (tests pass a fake one). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Describes the options in one line.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"JuheTaskPollingOptions {{ InitialDelay = {InitialDelay}, MaxDelay = {MaxDelay}, Timeout = {Timeout}, Jitter = {Jitter}, MaxConsecutivePollFailures = {MaxConsecutivePollFailures} }}");

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that cannot work.</summary>
    internal void Validate(string paramName)
    {
        if (InitialDelay <= TimeSpan.Zero || InitialDelay > LongestTimer)
        {
            throw Invalid($"InitialDelay must be positive and at most {LongestTimer}; it is {InitialDelay}.", paramName);
        }

        if (MaxDelay < InitialDelay || MaxDelay > LongestTimer)
        {
            throw Invalid($"MaxDelay must be at least InitialDelay ({InitialDelay}) and at most {LongestTimer}; it is {MaxDelay}.", paramName);
        }

        if ((Timeout <= TimeSpan.Zero || Timeout > LongestTimer) && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw Invalid($"Timeout must be positive (at most {LongestTimer}) or Timeout.InfiniteTimeSpan; it is {Timeout}.", paramName);
        }

        if (!(Jitter >= 0 && Jitter < 1))
        {
            throw Invalid($"Jitter must be from 0 up to, not including, 1; it is {Jitter}.", paramName);
        }

        if (MaxConsecutivePollFailures < 1)
        {
            throw Invalid($"MaxConsecutivePollFailures must be at least 1; it is {MaxConsecutivePollFailures}.", paramName);
        }

        if (TimeProvider is null)
        {
            throw Invalid("TimeProvider must not be null (use TimeProvider.System).", paramName);
        }
    }

    private static ArgumentException Invalid(string problem, string paramName) =>
        new(string.Create(CultureInfo.InvariantCulture, $"JuheTaskPollingOptions.{problem}"), paramName);
}
