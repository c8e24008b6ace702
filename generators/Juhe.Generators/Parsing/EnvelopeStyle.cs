namespace Juhe.Generators.Parsing;

/// <summary>How a 2xx answer says it failed (<c>x-juhe-envelope</c>); becomes <c>JuheRequest.SuccessRule</c>.</summary>
internal enum EnvelopeStyle
{
    /// <summary>No family envelope: only the OpenAI and Claude error shapes are checked.</summary>
    None,

    /// <summary><c>"management"</c>: <c>{"success":false,"message":…}</c> is a failure.</summary>
    Management,

    /// <summary><c>"midjourney"</c>: <c>code</c> other than 1, 21 or 22 is a failure.</summary>
    Midjourney,

    /// <summary><c>"task-code"</c>: <c>code</c> other than 0, 200 or <c>"success"</c> is a failure.</summary>
    TaskCode,
}
