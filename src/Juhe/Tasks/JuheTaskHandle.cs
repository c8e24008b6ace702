namespace Juhe.Tasks;

/// <summary>
/// A submitted asynchronous task: its id, and what is needed to wait for it. A family's
/// <c>SubmitAsync</c> returns one; <c>RunAsync</c> is <c>SubmitAsync</c> followed by
/// <see cref="WaitAsync(IProgress{JuheTaskSnapshot{T}}?, CancellationToken)"/>. Keep <see cref="Id"/>
/// to wait again later (after a timeout, or from another process) with the family's <c>WaitAsync(id)</c>.
/// </summary>
/// <typeparam name="T">The family's status payload type.</typeparam>
public sealed class JuheTaskHandle<T>
{
    private readonly Func<string, CancellationToken, ValueTask<T>> _fetch;
    private readonly Func<T, JuheTaskDescription> _describe;

    /// <summary>Creates the handle of a submitted task.</summary>
    /// <param name="id">The task id the submit call returned.</param>
    /// <param name="fetch">Reads the task's current status payload: given the id and a token, GETs the poll route.</param>
    /// <param name="describe">Reads state, raw status, progress, result URLs and failure reason out of a payload.</param>
    /// <param name="options">How to poll; <see langword="null"/> for <see cref="JuheTaskPollingOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or an option cannot work (the message names it).</exception>
    public JuheTaskHandle(
        string id,
        Func<string, CancellationToken, ValueTask<T>> fetch,
        Func<T, JuheTaskDescription> describe,
        JuheTaskPollingOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(describe);
        options ??= JuheTaskPollingOptions.Default;
        options.Validate(nameof(options));
        Id = id;
        _fetch = fetch;
        _describe = describe;
        Options = options;
    }

    /// <summary>The task's id.</summary>
    public string Id { get; }

    /// <summary>How the task is polled.</summary>
    public JuheTaskPollingOptions Options { get; }

    /// <summary>Polls until the task finishes (see <see cref="JuheTaskPoller.WaitAsync"/>).</summary>
    /// <param name="cancellationToken">Stops the wait at once.</param>
    /// <returns>The snapshot of the poll that found the task succeeded.</returns>
    public Task<JuheTaskSnapshot<T>> WaitAsync(CancellationToken cancellationToken = default) =>
        WaitAsync(progress: null, cancellationToken);

    /// <summary>Polls until the task finishes, reporting each change (see <see cref="JuheTaskPoller.WaitAsync"/>).</summary>
    /// <param name="progress">Told each time the state, raw status or progress changes.</param>
    /// <param name="cancellationToken">Stops the wait at once.</param>
    /// <returns>The snapshot of the poll that found the task succeeded.</returns>
    /// <exception cref="JuheTaskFailedException">The task failed (<see cref="JuheTaskCancelledException"/> when it was cancelled).</exception>
    /// <exception cref="JuheTaskTimeoutException">The task did not finish within <see cref="JuheTaskPollingOptions.Timeout"/>.</exception>
    /// <exception cref="JuheTaskPollingException">Too many polls in a row failed transiently.</exception>
    public Task<JuheTaskSnapshot<T>> WaitAsync(IProgress<JuheTaskSnapshot<T>>? progress, CancellationToken cancellationToken = default) =>
        JuheTaskPoller.WaitAsync(Id, _fetch, _describe, Options, progress, cancellationToken);

    /// <summary>Polls once, without retries, and describes what the gateway said, whatever the state.</summary>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns>The current snapshot.</returns>
    public ValueTask<JuheTaskSnapshot<T>> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        JuheTaskPoller.GetSnapshotAsync(Id, _fetch, _describe, cancellationToken);

    /// <summary>The task's id.</summary>
    /// <returns><see cref="Id"/>.</returns>
    public override string ToString() => Id;
}
