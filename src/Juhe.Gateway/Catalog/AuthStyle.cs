namespace Juhe.Gateway.Catalog;

/// <summary>The credentials a route expects (the schemas' <c>x-juhe-auth</c>; catalogue §0.2).</summary>
internal enum AuthStyle
{
    /// <summary><c>Authorization: Bearer sk-…</c>.</summary>
    Bearer,

    /// <summary><c>x-api-key</c> (Claude's <c>/v1/messages</c>); Bearer is accepted too.</summary>
    Anthropic,

    /// <summary><c>x-goog-api-key</c> or <c>?key=</c> (Gemini's <c>/v1beta</c>); Bearer is accepted too.</summary>
    Google,

    /// <summary>The system access token in <c>Authorization</c> plus <c>New-Api-User</c> (management <c>/api/*</c>).</summary>
    System,

    /// <summary>Public routes.</summary>
    None,
}
