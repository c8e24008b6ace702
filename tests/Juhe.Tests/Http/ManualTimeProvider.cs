namespace Juhe.Tests.Http;

/// <summary>
/// A clock that moves only when told (<see cref="Advance"/>), so tests never really wait. Timers
/// whose due time is at most <see cref="FireAtOnceUpTo"/> fire immediately instead (handy for
/// backoff delays); every finite due time asked for is recorded in <see cref="RequestedDueTimes"/>.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TimeSpan> _requested = [];
    private DateTimeOffset _now = new(2025, 4, 11, 12, 0, 0, TimeSpan.Zero);

    public TimeSpan FireAtOnceUpTo { get; init; } = TimeSpan.MinValue;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public IReadOnlyList<TimeSpan> RequestedDueTimes
    {
        get
        {
            lock (_lock)
            {
                return [.. _requested];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public bool HasArmedTimer(TimeSpan dueTime)
    {
        lock (_lock)
        {
            return _timers.Any(t => t.DueTime == dueTime);
        }
    }

    /// <summary>Waits (really, briefly) until a timer with that due time is armed.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        for (int i = 0; i < 500 && !HasArmedTimer(dueTime); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(HasArmedTimer(dueTime), $"No timer for {dueTime} was armed.");
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (ManualTimer timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (ManualTimer timer in due)
        {
            timer.Fire();
        }
    }

    private void Arm(ManualTimer timer, TimeSpan dueTime)
    {
        bool fireNow;
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            _requested.Add(dueTime);
            fireNow = dueTime <= FireAtOnceUpTo;
            if (!fireNow)
            {
                timer.DueTime = dueTime;
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
            }
        }

        if (fireNow)
        {
            ThreadPool.QueueUserWorkItem(_ => timer.Fire());
        }
    }

    private void Disarm(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public TimeSpan DueTime { get; set; }

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            owner.Arm(this, dueTime);
            return true;
        }

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Disarm(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
