namespace Juhe.Http;

/// <summary>
/// How a family says "failed" inside a 2xx answer. The schema names the rule per operation
/// (<c>x-juhe-envelope</c>); a 2xx body that breaks it raises <see cref="JuheApiException"/> with the
/// gateway's own message, as a non-2xx status would.
/// </summary>
public enum JuheSuccessRule
{
    /// <summary>Only the OpenAI and Claude error envelopes (<c>{"error":…}</c>, <c>"type":"error"</c>) are checked, as for every call.</summary>
    None = 0,

    /// <summary>Management <c>/api/*</c>: <c>{"success":false,"message":…}</c> is a failure.</summary>
    Management = 1,

    /// <summary>
    /// Midjourney submits: <c>code</c> 1 (submitted), 21 (needs a modal, or already exists) and 22 (queued)
    /// are answers; any other code is a failure described by <c>description</c>.
    /// </summary>
    Midjourney = 2,

    /// <summary>
    /// Task routes (Kling, Suno, new-api's task envelope…): a <c>code</c> of 0, 200, <c>"success"</c> or
    /// none is an answer; any other code (such as <c>"task_not_exist"</c> or Kling's 1xxx) is a failure
    /// described by <c>message</c>.
    /// </summary>
    TaskCode = 3,
}
