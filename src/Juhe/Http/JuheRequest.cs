namespace Juhe.Http;

/// <summary>
/// What to send, apart from the body: the method, the path below the base URL (with path
/// parameters already substituted and escaped), an optional query string, the auth style, extra
/// headers, and how to read a 2xx answer that reports a failure.
/// Generated endpoint methods build these; callers with endpoints of their own may too.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path from the root of the gateway, starting with <c>/</c> (for example <c>/v1/chat/completions</c>).</param>
/// <param name="Auth">Which credentials to attach.</param>
/// <param name="Query">The query string without the leading <c>?</c>, already escaped; <see langword="null"/> for none.</param>
public readonly record struct JuheRequest(HttpMethod Method, string Path, JuheAuthStyle Auth = JuheAuthStyle.Bearer, string? Query = null)
{
    /// <summary>
    /// The top-level member of the JSON body that asks for a streamed answer (such as <c>stream</c>),
    /// or <see langword="null"/> when the body has none. The client writes it itself, <c>true</c>
    /// for <see cref="JuheClient.OpenStreamAsync{TRequest}"/> and absent otherwise, whatever the
    /// body object holds: the caller's object is never modified, so it can be shared by concurrent calls.
    /// </summary>
    public string? StreamFlag { get; init; }

    /// <summary>
    /// Extra request headers (header parameters such as <c>anthropic-version</c> or <c>anthropic-beta</c>),
    /// sent after the credentials; one with the name of a header the client sets itself replaces it.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>How a 2xx answer that is in fact a failure is recognised; <see cref="JuheSuccessRule.None"/> by default.</summary>
    public JuheSuccessRule SuccessRule { get; init; }
}
