using Juhe.Http;
using Juhe.Tasks;

namespace Juhe.Fal;

/// <summary>
/// How a Fal result poll is read. The result route answers the model's output once the request is
/// done, and before that either a status payload (<c>IN_QUEUE</c>, <c>IN_PROGRESS</c>) or a
/// "still in progress" error; neither is a failure. A finished output carries no status, so success
/// is "images or a video arrived", which the schema's <c>x-juhe-task</c> paths cannot say.
/// </summary>
internal static class FalResultState
{
    public static readonly JuheTaskStatusMap Statuses = new(
        queued: ["IN_QUEUE"], running: ["IN_PROGRESS"], succeeded: ["COMPLETED"], failed: ["FAILED", "ERROR"], cancelled: ["CANCELED", "CANCELLED"]);

    /// <summary>The raw status given to a finished output, which has none of its own.</summary>
    public const string Completed = "COMPLETED";

    /// <summary>The raw status given to a poll the gateway answered with "not ready yet".</summary>
    public const string NotReady = "IN_PROGRESS";

    public static JuheTaskDescription Describe(FalResult result)
    {
        List<string> urls = ResultUrls(result);
        if (urls.Count > 0)
        {
            return new JuheTaskDescription(JuheTaskState.Succeeded, result.Status ?? Completed, 100, urls, null);
        }

        // COMPLETED without output yet (the status was read before the result was stored) keeps waiting.
        JuheTaskState state = result.Status is null ? JuheTaskState.Unknown : Statuses.GetState(result.Status);
        if (state == JuheTaskState.Succeeded)
        {
            state = JuheTaskState.Running;
        }

        return new JuheTaskDescription(state, result.Status, null, null, FailureReason(result));
    }

    /// <summary>
    /// Whether an error answer means "the result is not ready yet": a 400, 409 or 425 whose message
    /// says the request is still queued or running (Fal answers <c>Request is still in progress</c>).
    /// </summary>
    public static bool IsNotReady(JuheApiException error)
    {
        if ((int)error.StatusCode is not (400 or 409 or 425))
        {
            return false;
        }

        string text = error.ErrorMessage ?? error.BodyExcerpt ?? error.Message;
        return text.Contains("progress", StringComparison.OrdinalIgnoreCase)
            || text.Contains("queue", StringComparison.OrdinalIgnoreCase)
            || text.Contains("not ready", StringComparison.OrdinalIgnoreCase)
            || text.Contains("not completed", StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> ResultUrls(FalResult result)
    {
        var urls = new List<string>();
        if (result.Images is { } images)
        {
            foreach (FalFile image in images)
            {
                if (!string.IsNullOrEmpty(image.Url))
                {
                    urls.Add(image.Url);
                }
            }
        }

        if (!string.IsNullOrEmpty(result.Video?.Url))
        {
            urls.Add(result.Video.Url);
        }

        return urls;
    }

    // Fal states errors in "detail" (a string, or a list of validation errors). A top-level "error" string
    // never gets here: the client reads it as an error envelope and raises JuheApiException.
    private static string? FailureReason(FalResult result) =>
        result.AdditionalProperties is { } extra && extra.TryGetValue("detail", out System.Text.Json.JsonElement detail)
            ? detail.ToString()
            : null;
}
