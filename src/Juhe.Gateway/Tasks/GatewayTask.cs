using Juhe.Gateway.Catalog;

namespace Juhe.Gateway.Tasks;

/// <summary>One submitted task: how it was asked to end and how often it has been polled.</summary>
internal sealed class GatewayTask(string id, TaskSpec spec, bool fails, string resultExtension)
{
    private int _polls;

    public string Id { get; } = id;

    public TaskSpec Spec { get; } = spec;

    public bool Fails { get; } = fails;

    public string ResultExtension { get; } = resultExtension;

    /// <summary>Counts one poll and returns its number (1 for the first).</summary>
    public int Poll() => Interlocked.Increment(ref _polls);
}
