namespace Juhe.Tasks;

/// <summary>
/// Waits for an asynchronous gateway task — a Midjourney image, a Kling or Sora video, a Suno song
/// — by polling its status until it succeeds, fails or is cancelled. One poller serves every
/// family: the family supplies a fetch function (GET the status payload) and a describe function
/// (read state, progress, URLs and failure reason out of it); generated clients pass both.
/// </summary>
/// <remarks>
/// Polls are spaced by <see cref="JuheTaskPollingOptions.InitialDelay"/>, doubling up to
/// <see cref="JuheTaskPollingOptions.MaxDelay"/>, with jitter. A status the family does not list
/// (<see cref="JuheTaskState.Unknown"/>) keeps the wait going. Transient poll failures are retried
/// on the same schedule, up to <see cref="JuheTaskPollingOptions.MaxConsecutivePollFailures"/> in a
/// row; any other failure of the fetch function surfaces at once, unchanged.
/// </remarks>
public static class JuheTaskPoller
{
    /// <summary>Polls until the task finishes and returns its final snapshot.</summary>
    /// <typeparam name="T">The family's status payload type.</typeparam>
    /// <param name="taskId">The task's id, as the submit call returned it.</param>
    /// <param name="fetch">Reads the task's current status payload: given the id and a token, GETs the poll route.</param>
    /// <param name="describe">Reads state, raw status, progress, result URLs and failure reason out of a payload.</param>
    /// <param name="options">Delays, time limit and failure tolerance; <see langword="null"/> for <see cref="JuheTaskPollingOptions.Default"/>.</param>
    /// <param name="progress">Told each time the state, raw status or progress changes (the first poll always counts as a change).</param>
    /// <param name="cancellationToken">Stops the wait at once, also in the middle of a delay or a poll.</param>
    /// <returns>The snapshot of the poll that found the task <see cref="JuheTaskState.Succeeded"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is empty, or an option cannot work (the message names it).</exception>
    /// <exception cref="JuheTaskFailedException">The task failed (<see cref="JuheTaskCancelledException"/> when it was cancelled).</exception>
    /// <exception cref="JuheTaskTimeoutException">The task did not finish within <see cref="JuheTaskPollingOptions.Timeout"/>.</exception>
    /// <exception cref="JuheTaskPollingException">Too many polls in a row failed transiently; the last failure is inside.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<JuheTaskSnapshot<T>> WaitAsync<T>(
        string taskId,
        Func<string, CancellationToken, ValueTask<T>> fetch,
        Func<T, JuheTaskDescription> describe,
        JuheTaskPollingOptions? options = null,
        IProgress<JuheTaskSnapshot<T>>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(describe);
        options ??= JuheTaskPollingOptions.Default;
        options.Validate(nameof(options));
        return new TaskWait<T>(taskId, fetch, describe, options, progress).RunAsync(cancellationToken);
    }

    /// <summary>Polls once, without retries, and describes what the gateway said.</summary>
    /// <typeparam name="T">The family's status payload type.</typeparam>
    /// <param name="taskId">The task's id.</param>
    /// <param name="fetch">Reads the task's current status payload.</param>
    /// <param name="describe">Reads state, raw status, progress, result URLs and failure reason out of a payload.</param>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns>The snapshot, whatever the state (a failed task is reported, not thrown).</returns>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is empty.</exception>
    public static async ValueTask<JuheTaskSnapshot<T>> GetSnapshotAsync<T>(
        string taskId,
        Func<string, CancellationToken, ValueTask<T>> fetch,
        Func<T, JuheTaskDescription> describe,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(describe);
        T payload = await fetch(taskId, cancellationToken).ConfigureAwait(false);
        return new JuheTaskSnapshot<T>(taskId, describe(payload), payload);
    }
}
