namespace Juhe.Http;

/// <summary>How a request proves who it is to the gateway (catalogue §0.2).</summary>
public enum JuheAuthStyle
{
    /// <summary><c>Authorization: Bearer &lt;key&gt;</c>, the relay routes' default.</summary>
    Bearer = 0,

    /// <summary><c>x-api-key: &lt;key&gt;</c> plus <c>anthropic-version</c>, for Claude's native <c>/v1/messages</c>.</summary>
    AnthropicApiKey = 1,

    /// <summary><c>x-goog-api-key: &lt;key&gt;</c>, for Gemini's native <c>/v1beta</c> routes.</summary>
    GoogleApiKey = 2,

    /// <summary>The system access token in <c>Authorization</c> plus <c>New-Api-User: &lt;user id&gt;</c>, for the management <c>/api/*</c> routes.</summary>
    SystemAccessToken = 3,

    /// <summary>No credentials (public routes such as <c>/api/pricing</c>).</summary>
    None = 4,
}
