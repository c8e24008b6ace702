namespace Juhe.Gateway.Catalog;

/// <summary>The error envelope a family answers with (catalogue §0.3).</summary>
internal enum ErrorStyle
{
    /// <summary><c>{"error":{"message","type","param","code"}}</c>: OpenAI-style and Gemini routes.</summary>
    OpenAI,

    /// <summary><c>{"type":"error","error":{"type","message"}}</c>: Claude's <c>/v1/messages</c>.</summary>
    Claude,

    /// <summary><c>{"code","message","data":null}</c>: the gateway's task routes.</summary>
    Task,

    /// <summary><c>{"code":&lt;int&gt;,"description","result":null}</c>: Midjourney-proxy routes.</summary>
    Midjourney,

    /// <summary><c>{"success":false,"message"}</c>: management <c>/api/*</c> routes.</summary>
    Management,
}
