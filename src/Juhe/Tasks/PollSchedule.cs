namespace Juhe.Tasks;

/// <summary>
/// The waits between polls: <see cref="JuheTaskPollingOptions.InitialDelay"/>, doubling each time
/// up to <see cref="JuheTaskPollingOptions.MaxDelay"/>, each shortened by up to
/// <see cref="JuheTaskPollingOptions.Jitter"/> at random. A failed poll moves along the same
/// schedule, so a struggling gateway is not hammered.
/// </summary>
internal struct PollSchedule(TimeSpan initialDelay, TimeSpan maxDelay, double jitter)
{
    private TimeSpan _nominal = initialDelay;

    /// <summary>The next wait. <paramref name="random"/> in [0, 1) picks the jitter (tests pass fixed values).</summary>
    public TimeSpan Next(double random)
    {
        TimeSpan nominal = _nominal;
        _nominal = nominal >= maxDelay / 2 ? maxDelay : nominal * 2;
        return nominal * (1 - (jitter * random));
    }
}
