namespace Juhe.Gateway.Catalog;

/// <summary>
/// An operation's <c>x-juhe-envelope</c>: the member by which a 2xx answer says it succeeded, which a
/// generated answer must set to a success value or the client would raise.
/// </summary>
internal enum SuccessEnvelope
{
    /// <summary>No envelope: a 2xx answer is a success.</summary>
    None,

    /// <summary>new-api's management answers: <c>"success": true</c>.</summary>
    Management,

    /// <summary>The Midjourney proxy's submits: <c>"code": 1</c>.</summary>
    Midjourney,

    /// <summary>Task APIs such as Kling's: <c>"code": 0</c>, or <c>"success"</c> where the code is a string.</summary>
    TaskCode,
}
