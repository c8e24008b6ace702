namespace Juhe.Tests.Tasks;

/// <summary>
/// A fetch function answering poll i with step i of a script (a payload, or an exception to
/// throw), repeating the last step; it records the time of every call.
/// </summary>
internal sealed class ScriptedPolls<T>(VirtualClock clock, params Func<T>[] steps)
{
    private readonly List<TimeSpan> _calls = [];

    public int Count => _calls.Count;

    /// <summary>When each poll happened, in virtual time since the clock started.</summary>
    public IReadOnlyList<TimeSpan> CalledAt => _calls;

    public ValueTask<T> FetchAsync(string id, CancellationToken cancellationToken)
    {
        Assert.Equal(TaskPayloads.Id, id);
        cancellationToken.ThrowIfCancellationRequested();
        _calls.Add(clock.Elapsed);
        return ValueTask.FromResult(steps[Math.Min(_calls.Count - 1, steps.Length - 1)]());
    }
}

/// <summary>Keeps every report, in order, on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}
