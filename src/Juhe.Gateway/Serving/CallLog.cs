using System.Collections.Concurrent;

namespace Juhe.Gateway.Serving;

/// <summary>Every call received, in arrival order, for tests to count.</summary>
internal sealed class CallLog
{
    private readonly ConcurrentQueue<JuheGatewayCall> _calls = new();

    public void Add(JuheGatewayCall call) => _calls.Enqueue(call);

    public IReadOnlyList<JuheGatewayCall> Snapshot() => [.. _calls];

    public void Clear() => _calls.Clear();
}
