using Juhe.Http;

namespace Juhe.Luma;

// The batch query, written by hand: its answer is a bare JSON array, which no schema operation can return.
public sealed partial class LumaClient
{
    /// <summary>Gets several generations at once (<c>POST /luma/tasks</c>).</summary>
    /// <param name="ids">The generation ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The generations the gateway found, in no promised order.</returns>
    /// <exception cref="ArgumentException"><paramref name="ids"/> is empty or holds an empty id.</exception>
    /// <exception cref="JuheApiException">The gateway answered with an error, or the answer is not an array of generations.</exception>
    public Task<IReadOnlyList<LumaGeneration>> GetManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        List<string> list = [.. ids];
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one generation id.", nameof(ids));
        }

        int empty = list.FindIndex(string.IsNullOrWhiteSpace);
        if (empty >= 0)
        {
            throw new ArgumentException($"Generation id {empty} is empty.", nameof(ids));
        }

        var query = new LumaGenerationsQuery { Ids = list };
        var request = new JuheRequest(HttpMethod.Post, "/luma/tasks") { SuccessRule = JuheSuccessRule.TaskCode };
        return _client.SendAsync(request, JuheBody.Json(query, JuheJsonContext.Default.LumaGenerationsQuery), LumaGenerationListJson.TypeInfo, cancellationToken);
    }
}
