using System.Globalization;
using Juhe.Http;
using Juhe.Tasks;

namespace Juhe.Hailuo;

// A finished Hailuo task names a file, not a URL: these wait for the task and then ask
// files/retrieve for the file's download URL, so the snapshot ends with a URL like every other family's.
public sealed partial class HailuoClient
{
    /// <summary>
    /// Submits the video, waits until it finishes, and turns its <c>file_id</c> into a download URL
    /// (<c>GET /minimax/v1/files/retrieve</c>), returned as the snapshot's only result URL. The URL
    /// is signed and expires: download it soon (<see cref="JuheClient.DownloadAsync(string, string, CancellationToken)"/>).
    /// </summary>
    /// <param name="request">The video to make.</param>
    /// <param name="progress">Told each time the task's state, raw status or progress changes.</param>
    /// <param name="polling">How the task is polled; <see langword="null"/> for <see cref="JuheTaskPollingOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the submit, the wait and the file query.</param>
    /// <returns>The final snapshot, whose <see cref="JuheTaskSnapshot{T}.ResultUrls"/> holds the download URL.</returns>
    /// <exception cref="JuheApiException">The gateway refused a call, or the finished task or its file carries no file id or URL.</exception>
    /// <exception cref="JuheTaskFailedException">The task failed.</exception>
    /// <exception cref="JuheTaskTimeoutException">The task did not finish within the polling timeout.</exception>
    public async Task<JuheTaskSnapshot<HailuoVideoTask>> RunCreateVideoWithDownloadUrlAsync(
        HailuoVideoRequest request,
        IProgress<JuheTaskSnapshot<HailuoVideoTask>>? progress = null,
        JuheTaskPollingOptions? polling = null,
        CancellationToken cancellationToken = default)
    {
        JuheTaskSnapshot<HailuoVideoTask> done = await RunCreateVideoAsync(request, progress, polling, cancellationToken).ConfigureAwait(false);
        return await WithDownloadUrlAsync(done, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for a task submitted earlier, then turns its <c>file_id</c> into a download URL, returned
    /// as the snapshot's only result URL (signed; it expires).
    /// </summary>
    /// <param name="taskId">The task id the submit returned.</param>
    /// <param name="progress">Told each time the task's state, raw status or progress changes.</param>
    /// <param name="polling">How the task is polled; <see langword="null"/> for <see cref="JuheTaskPollingOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the wait and the file query.</param>
    /// <returns>The final snapshot, whose <see cref="JuheTaskSnapshot{T}.ResultUrls"/> holds the download URL.</returns>
    /// <exception cref="JuheApiException">A poll or the file query failed for good, or the finished task or its file carries no file id or URL.</exception>
    /// <exception cref="JuheTaskFailedException">The task failed.</exception>
    /// <exception cref="JuheTaskTimeoutException">The task did not finish within the polling timeout.</exception>
    public async Task<JuheTaskSnapshot<HailuoVideoTask>> WaitVideoWithDownloadUrlAsync(
        string taskId,
        IProgress<JuheTaskSnapshot<HailuoVideoTask>>? progress = null,
        JuheTaskPollingOptions? polling = null,
        CancellationToken cancellationToken = default)
    {
        JuheTaskSnapshot<HailuoVideoTask> done = await WaitVideoAsync(taskId, progress, polling, cancellationToken).ConfigureAwait(false);
        return await WithDownloadUrlAsync(done, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks files/retrieve for the download URL of a file (a finished task's <c>file_id</c>).</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The download URL (signed; it expires).</returns>
    /// <exception cref="ArgumentException"><paramref name="fileId"/> is empty.</exception>
    /// <exception cref="JuheApiException">The gateway answered with an error, or with no URL (MiniMax's <c>base_resp</c> is quoted).</exception>
    public async Task<string> GetDownloadUrlAsync(string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        HailuoFileResponse answer = await RetrieveFileAsync(fileId, cancellationToken).ConfigureAwait(false);
        if (answer.File?.DownloadUrl is { Length: > 0 } url)
        {
            return url;
        }

        // MiniMax reports its own errors inside a 200, in base_resp.
        string because = answer.BaseResp is { StatusCode: not 0 } status
            ? string.Create(CultureInfo.InvariantCulture, $": base_resp.status_code {status.StatusCode}, \"{status.StatusMsg}\"")
            : ": the answer has no file.download_url";
        throw new JuheApiException($"GET /minimax/v1/files/retrieve gave no download URL for file '{fileId}'{because}.");
    }

    private async Task<JuheTaskSnapshot<HailuoVideoTask>> WithDownloadUrlAsync(JuheTaskSnapshot<HailuoVideoTask> done, CancellationToken cancellationToken)
    {
        string fileId = done.Payload.FileId is { Length: > 0 } id
            ? id
            : throw new JuheApiException($"Hailuo task '{done.TaskId}' succeeded but its answer carries no file_id, so there is nothing to download.");
        string url = await GetDownloadUrlAsync(fileId, cancellationToken).ConfigureAwait(false);
        return new JuheTaskSnapshot<HailuoVideoTask>(
            done.TaskId, new JuheTaskDescription(done.State, done.RawStatus, done.ProgressPercent, [url], done.FailureReason), done.Payload);
    }
}
