using Juhe.Http;

namespace Juhe.Midjourney;

// list-by-condition answers a bare array, which the generator does not read (JUHE040): written by hand.
public sealed partial class MidjourneyClient
{
    /// <summary>Fetches several tasks by id (<c>POST /mj/task/list-by-condition</c>).</summary>
    /// <param name="request">The task ids.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tasks the proxy found (ids it does not know are left out).</returns>
    /// <exception cref="JuheApiException">The gateway answered with an error.</exception>
    public Task<IReadOnlyList<MidjourneyTask>> ListTasksAsync(MidjourneyListTasksRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var juheRequest = new JuheRequest(HttpMethod.Post, "/mj/task/list-by-condition", JuheAuthStyle.Bearer, null);
        return _client.SendAsync(juheRequest, JuheBody.Json(request, Juhe.JuheJsonContext.Default.MidjourneyListTasksRequest), MidjourneyTaskListConverter.TypeInfo, cancellationToken);
    }
}
