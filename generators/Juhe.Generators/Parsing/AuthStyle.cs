namespace Juhe.Generators.Parsing;

/// <summary>How an operation authenticates (<c>x-juhe-auth</c>); each maps to one <c>Juhe.Http.JuheAuthStyle</c> member.</summary>
internal enum AuthStyle
{
    /// <summary><c>bearer</c>: <c>Authorization: Bearer &lt;key&gt;</c>, the default.</summary>
    Bearer,

    /// <summary><c>anthropic</c>: <c>x-api-key</c>.</summary>
    Anthropic,

    /// <summary><c>google</c>: <c>x-goog-api-key</c>.</summary>
    Google,

    /// <summary><c>system</c>: the gateway's system access token plus <c>New-Api-User</c>.</summary>
    System,

    /// <summary><c>none</c>: no credentials.</summary>
    None,
}
