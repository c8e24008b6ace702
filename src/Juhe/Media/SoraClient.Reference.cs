using Juhe.Http;
using Juhe.Tasks;

namespace Juhe.Sora;

// OpenAI's own form of the create call: multipart, with the first frame uploaded as a file. The
// schema's CreateVideoAsync sends JSON (with input_reference as a URL), as gateways take it; one
// operation cannot have both bodies, so this one is written by hand.
public sealed partial class SoraClient
{
    /// <summary>
    /// Submits a video whose first frame is an uploaded image (<c>POST /v1/videos</c> as
    /// <c>multipart/form-data</c>): the request's members as text fields and
    /// <paramref name="inputReference"/> as the <c>input_reference</c> file part, streamed, never buffered.
    /// The image's size must match the request's <c>size</c>.
    /// </summary>
    /// <param name="request">The video to make; its <see cref="SoraCreateVideoRequest.InputReference"/> URL must be unset.</param>
    /// <param name="inputReference">The first frame (JPEG, PNG or WebP).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The video, <c>queued</c>.</returns>
    /// <exception cref="ArgumentException">The request also names an input reference URL.</exception>
    /// <exception cref="JuheApiException">The gateway refused the video.</exception>
    public Task<SoraVideo> CreateVideoWithReferenceAsync(SoraCreateVideoRequest request, JuheFile inputReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(inputReference);
        if (request.InputReference is not null)
        {
            throw new ArgumentException("The request names input_reference as a URL and a file is given too: send one (CreateVideoAsync for a URL).", nameof(request));
        }

        var form = new JuheMultipartBody()
            .Add("model", request.Model.Value)
            .Add("prompt", request.Prompt);
        if (request.Seconds is { } seconds)
        {
            form.Add("seconds", seconds.Value);
        }

        if (request.Size is { } size)
        {
            form.Add("size", size.Value);
        }

        form.Add("input_reference", inputReference);
        var call = new JuheRequest(HttpMethod.Post, "/v1/videos") { SuccessRule = JuheSuccessRule.TaskCode };
        return _client.SendAsync(call, form, JuheJsonContext.Default.SoraVideo, cancellationToken);
    }

    /// <summary>
    /// Submits a video whose first frame is an uploaded image (see <see cref="CreateVideoWithReferenceAsync"/>)
    /// and waits until it finishes.
    /// </summary>
    /// <param name="request">The video to make; its input reference URL must be unset.</param>
    /// <param name="inputReference">The first frame.</param>
    /// <param name="progress">Told each time the video's state, raw status or progress changes.</param>
    /// <param name="polling">How the video is polled; <see langword="null"/> for <see cref="JuheTaskPollingOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the submit and the wait.</param>
    /// <returns>The final snapshot; the bytes come from <see cref="DownloadContentAsync"/>.</returns>
    /// <exception cref="JuheApiException">The gateway refused the video, or a poll failed for good.</exception>
    /// <exception cref="JuheTaskFailedException">The video failed.</exception>
    /// <exception cref="JuheTaskTimeoutException">The video did not finish within the polling timeout.</exception>
    public async Task<JuheTaskSnapshot<SoraVideo>> RunCreateVideoWithReferenceAsync(
        SoraCreateVideoRequest request,
        JuheFile inputReference,
        IProgress<JuheTaskSnapshot<SoraVideo>>? progress = null,
        JuheTaskPollingOptions? polling = null,
        CancellationToken cancellationToken = default)
    {
        SoraVideo created = await CreateVideoWithReferenceAsync(request, inputReference, cancellationToken).ConfigureAwait(false);
        string id = created.Id is { Length: > 0 } value
            ? value
            : throw new JuheApiException("The answer of POST /v1/videos carries no video id; the video cannot be polled.");
        return await WaitVideoAsync(id, progress, polling, cancellationToken).ConfigureAwait(false);
    }
}
