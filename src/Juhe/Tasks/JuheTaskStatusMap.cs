namespace Juhe.Tasks;

/// <summary>
/// Maps one task family's raw status strings to <see cref="JuheTaskState"/>, comparing them
/// ordinally and ignoring case (gateways spell the same family's values in different cases).
/// Build one per family, once, in a <see langword="static readonly"/> field; lookups allocate nothing.
/// </summary>
/// <remarks>
/// A value the map does not list is <see cref="JuheTaskState.Unknown"/>, never an exception, so a
/// gateway that adds a status does not break polling. Surrounding white space is ignored.
/// </remarks>
public sealed class JuheTaskStatusMap
{
    private readonly Dictionary<string, JuheTaskState> _states = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JuheTaskState>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates the map from the values a family uses for each state.</summary>
    /// <param name="queued">The values meaning accepted and waiting.</param>
    /// <param name="running">The values meaning in progress.</param>
    /// <param name="succeeded">The values meaning finished with a result.</param>
    /// <param name="failed">The values meaning finished without a result.</param>
    /// <param name="cancelled">The values meaning stopped before finishing; many families have none.</param>
    /// <exception cref="ArgumentException">
    /// A value is null, empty or white space, or the same value (ignoring case) is listed under two states.
    /// </exception>
    public JuheTaskStatusMap(
        ReadOnlySpan<string> queued,
        ReadOnlySpan<string> running,
        ReadOnlySpan<string> succeeded,
        ReadOnlySpan<string> failed,
        ReadOnlySpan<string> cancelled = default)
    {
        Add(queued, JuheTaskState.Queued, nameof(queued));
        Add(running, JuheTaskState.Running, nameof(running));
        Add(succeeded, JuheTaskState.Succeeded, nameof(succeeded));
        Add(failed, JuheTaskState.Failed, nameof(failed));
        Add(cancelled, JuheTaskState.Cancelled, nameof(cancelled));
        _lookup = _states.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many distinct values (ignoring case) the map knows.</summary>
    public int Count => _states.Count;

    /// <summary>The state a raw status means; <see cref="JuheTaskState.Unknown"/> when the map does not list it or it is empty.</summary>
    /// <param name="status">The raw status from the poll response (a <see langword="null"/> string converts to an empty span).</param>
    /// <returns>The mapped state, or <see cref="JuheTaskState.Unknown"/>.</returns>
    public JuheTaskState GetState(ReadOnlySpan<char> status) =>
        TryGetState(status, out JuheTaskState state) ? state : JuheTaskState.Unknown;

    /// <summary>Looks up a raw status.</summary>
    /// <param name="status">The raw status from the poll response.</param>
    /// <param name="state">The mapped state, or <see cref="JuheTaskState.Unknown"/> when the value is not listed.</param>
    /// <returns>Whether the map lists the value.</returns>
    public bool TryGetState(ReadOnlySpan<char> status, out JuheTaskState state)
    {
        if (_lookup.TryGetValue(status.Trim(), out state))
        {
            return true;
        }

        state = JuheTaskState.Unknown;
        return false;
    }

    private void Add(ReadOnlySpan<string> values, JuheTaskState state, string paramName)
    {
        foreach (string value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"A {state} status value is null, empty or white space; list only the strings the gateway sends.", paramName);
            }

            string key = value.Trim();
            if (_states.TryGetValue(key, out JuheTaskState existing) && existing != state)
            {
                throw new ArgumentException(
                    $"The status '{key}' is listed as both {existing} and {state} (values are compared ignoring case); give it one state.", paramName);
            }

            _states[key] = state;
        }
    }
}
