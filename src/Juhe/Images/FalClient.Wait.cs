using Juhe.Http;
using Juhe.Tasks;

namespace Juhe.Fal;

// Waiting for a Fal request through the one task poller; written by hand because a finished Fal
// output has no status member for the generated Wait method to read (see FalResultState).
public sealed partial class FalClient
{
    /// <summary>The model name that lets the gateway find a request's model by itself.</summary>
    public const string AutoModelName = "auto";

    /// <summary>
    /// A handle that polls the result route of request <paramref name="requestId"/> until the output
    /// (images or a video) arrives. "Not ready yet" answers, as a status payload or as a
    /// <c>still in progress</c> error, keep it waiting.
    /// </summary>
    /// <param name="requestId">The <c>request_id</c> a submit returned.</param>
    /// <param name="modelName">The model path the request went to, or <see cref="AutoModelName"/>.</param>
    /// <param name="polling">How to poll; null for <see cref="JuheTaskPollingOptions.Default"/>.</param>
    /// <returns>The handle; nothing is sent until it is waited on.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> or <paramref name="modelName"/> is empty.</exception>
    public JuheTaskHandle<FalResult> CreateResultHandle(string requestId, string modelName = AutoModelName, JuheTaskPollingOptions? polling = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        return new JuheTaskHandle<FalResult>(requestId, (id, ct) => new ValueTask<FalResult>(FetchAsync(modelName, id, ct)), FalResultState.Describe, polling);
    }

    /// <summary>
    /// Waits for the output of request <paramref name="requestId"/> (see <see cref="CreateResultHandle"/>)
    /// and returns the finished snapshot; its <see cref="JuheTaskSnapshot{T}.ResultUrls"/> hold the image or video URLs.
    /// </summary>
    /// <param name="requestId">The <c>request_id</c> a submit returned.</param>
    /// <param name="modelName">The model path the request went to, or <see cref="AutoModelName"/>.</param>
    /// <param name="progress">Told each change of status; may be null.</param>
    /// <param name="polling">How to poll; null for <see cref="JuheTaskPollingOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The last snapshot, whose payload is the model's output.</returns>
    /// <exception cref="JuheTaskFailedException">Fal reported the request failed (or, as <see cref="JuheTaskCancelledException"/>, cancelled).</exception>
    /// <exception cref="JuheTaskTimeoutException">The output did not arrive within <see cref="JuheTaskPollingOptions.Timeout"/>.</exception>
    /// <exception cref="JuheApiException">A poll failed for another reason than "not ready yet".</exception>
    public Task<JuheTaskSnapshot<FalResult>> WaitForResultAsync(
        string requestId,
        string modelName = AutoModelName,
        IProgress<JuheTaskSnapshot<FalResult>>? progress = null,
        JuheTaskPollingOptions? polling = null,
        CancellationToken cancellationToken = default) =>
        CreateResultHandle(requestId, modelName, polling).WaitAsync(progress, cancellationToken);

    private async Task<FalResult> FetchAsync(string modelName, string requestId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetResultAsync(modelName, requestId, cancellationToken).ConfigureAwait(false);
        }
        catch (JuheApiException e) when (FalResultState.IsNotReady(e))
        {
            // The error carries no payload; to the poller it is one more poll of a running request.
            return new FalResult { Status = FalResultState.NotReady };
        }
    }
}
