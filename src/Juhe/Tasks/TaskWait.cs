namespace Juhe.Tasks;

/// <summary>
/// One wait for one task: the poll loop behind <see cref="JuheTaskPoller.WaitAsync"/>. It keeps
/// what the last poll said (for progress reports and for the messages of a timeout or of too
/// many failed polls) and allocates a snapshot only when something changed.
/// </summary>
internal sealed class TaskWait<T>(
    string taskId,
    Func<string, CancellationToken, ValueTask<T>> fetch,
    Func<T, JuheTaskDescription> describe,
    JuheTaskPollingOptions options,
    IProgress<JuheTaskSnapshot<T>>? progress)
{
    private bool _answered;
    private JuheTaskState _lastState;
    private string? _lastRawStatus;
    private double? _lastProgress;

    public async Task<JuheTaskSnapshot<T>> RunAsync(CancellationToken cancellationToken)
    {
        TimeProvider time = options.TimeProvider;

        // The time limit is a second token so that it also stops a poll in flight, not only a delay.
        using CancellationTokenSource? deadline = options.Timeout == Timeout.InfiniteTimeSpan
            ? null
            : new CancellationTokenSource(options.Timeout, time);
        using CancellationTokenSource? linked = deadline is null
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        CancellationToken token = linked?.Token ?? cancellationToken;

        var schedule = new PollSchedule(options.InitialDelay, options.MaxDelay, options.Jitter);
        int failures = 0;
        try
        {
            while (true)
            {
                await Task.Delay(schedule.Next(Random.Shared.NextDouble()), time, token).ConfigureAwait(false);

                T payload;
                try
                {
                    payload = await fetch(taskId, token).ConfigureAwait(false);
                }
                catch (Exception e) when (!token.IsCancellationRequested && (TransientPollFailure.Is(e) || options.IsTransientFailure?.Invoke(e) == true))
                {
                    if (++failures >= options.MaxConsecutivePollFailures)
                    {
                        throw new JuheTaskPollingException(taskId, failures, LastState, _lastRawStatus, e);
                    }

                    continue;
                }

                failures = 0;
                if (Observe(payload) is { } finished)
                {
                    return finished;
                }
            }
        }
        catch (Exception e) when (token.IsCancellationRequested && e is not (JuheTaskFailedException or JuheTaskPollingException))
        {
            // Whatever the poll threw once stopped (an OperationCanceledException, or an IOException
            // from an aborted body), the reason is the caller's token or the time limit.
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"The wait for task '{taskId}' was canceled by the caller's token.", e, cancellationToken);
            }

            throw new JuheTaskTimeoutException(taskId, options.Timeout, LastState, _lastRawStatus, _lastProgress, e);
        }
    }

    private JuheTaskState? LastState => _answered ? _lastState : null;

    /// <summary>Records one payload, reports it if it changed anything, and returns the final snapshot once the task succeeded.</summary>
    private JuheTaskSnapshot<T>? Observe(T payload)
    {
        JuheTaskDescription description = describe(payload);
        bool changed = !_answered
            || description.State != _lastState
            || !string.Equals(description.RawStatus, _lastRawStatus, StringComparison.Ordinal)
            || description.ProgressPercent != _lastProgress;
        _answered = true;
        _lastState = description.State;
        _lastRawStatus = description.RawStatus;
        _lastProgress = description.ProgressPercent;

        bool finished = description.State is JuheTaskState.Succeeded or JuheTaskState.Failed or JuheTaskState.Cancelled;
        if (!changed && !finished)
        {
            return null;
        }

        var snapshot = new JuheTaskSnapshot<T>(taskId, description, payload);
        if (changed)
        {
            progress?.Report(snapshot);
        }

        return snapshot.State switch
        {
            JuheTaskState.Succeeded => snapshot,
            JuheTaskState.Failed => throw new JuheTaskFailedException(taskId, JuheTaskState.Failed, snapshot.RawStatus, snapshot.FailureReason, payload),
            JuheTaskState.Cancelled => throw new JuheTaskCancelledException(taskId, snapshot.RawStatus, snapshot.FailureReason, payload),
            _ => null,
        };
    }
}
