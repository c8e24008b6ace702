namespace Juhe.Tests.Tasks;

/// <summary>
/// A clock for poll loops that never really waits: <see cref="RunAsync{T}"/> jumps straight to the
/// earliest pending timer and fires it, again and again, until the wait under test finishes. The
/// time limit's timer is one of those timers, so a wait that never ends runs into it exactly when
/// virtual time reaches it. Every due time asked for is kept in <see cref="DueTimes"/>.
/// </summary>
internal sealed class VirtualClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2025, 4, 11, 12, 0, 0, TimeSpan.Zero);

    private readonly object _lock = new();
    private readonly List<VirtualTimer> _pending = [];
    private readonly List<TimeSpan> _dueTimes = [];
    private DateTimeOffset _now = Start;
    private long _sequence;

    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>Every finite due time a timer was armed with, in order (delays, and the time limit's timer).</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_lock)
            {
                return [.. _dueTimes];
            }
        }
    }

    /// <summary>How many timers have been armed in all (without copying <see cref="DueTimes"/>).</summary>
    public int ArmedCount
    {
        get
        {
            lock (_lock)
            {
                return _dueTimes.Count;
            }
        }
    }

    public int PendingTimers
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Fires timers in due order until <paramref name="wait"/> completes, then returns its outcome.</summary>
    public async Task<T> RunAsync<T>(Task<T> wait)
    {
        while (!wait.IsCompleted)
        {
            int armedBefore = ArmedCount;
            if (!FireNext())
            {
                // Nothing is armed yet: the code under test is between two awaits on another thread.
                await UntilAsync(() => wait.IsCompleted || PendingTimers > 0);
                continue;
            }

            // Under xUnit's synchronization context the continuation runs on the thread pool, not
            // inline: wait until it has armed its next timer (or finished) before moving time again.
            await UntilAsync(() => wait.IsCompleted || ArmedCount > armedBefore);
        }

        return await wait;
    }

    /// <summary>Waits (really, briefly) until <paramref name="count"/> timers have been armed in all.</summary>
    public async Task ArmedAsync(int count)
    {
        await UntilAsync(() => ArmedCount >= count);
        Assert.True(DueTimes.Count >= count, $"Expected {count} timers to be armed; {DueTimes.Count} were.");
    }

    /// <summary>Moves time to the earliest pending timer and fires it; false when none is pending.</summary>
    public bool FireNext()
    {
        VirtualTimer next;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return false;
            }

            next = _pending[0];
            foreach (VirtualTimer timer in _pending)
            {
                if ((timer.DueAt, timer.Sequence).CompareTo((next.DueAt, next.Sequence)) < 0)
                {
                    next = timer;
                }
            }

            _pending.Remove(next);
            _now = next.DueAt;
        }

        next.Fire();
        return true;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        // Generous: on a loaded machine a thread-pool continuation can take a while to run.
        for (int i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(5);
        }
    }

    private void Arm(VirtualTimer timer, TimeSpan dueTime)
    {
        lock (_lock)
        {
            _pending.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            _dueTimes.Add(dueTime);
            timer.DueAt = _now + dueTime;
            timer.Sequence = _sequence++;
            _pending.Add(timer);
        }
    }

    private void Disarm(VirtualTimer timer)
    {
        lock (_lock)
        {
            _pending.Remove(timer);
        }
    }

    private sealed class VirtualTimer(VirtualClock owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public DateTimeOffset DueAt { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Assert.Equal(Timeout.InfiniteTimeSpan, period); // delays and deadlines are one-shot
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
