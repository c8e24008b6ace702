namespace Juhe.Gateway;

/// <summary>How a <see cref="JuheGateway"/> listens, whom it lets in, and how it answers.</summary>
public sealed class JuheGatewayOptions
{
    /// <summary>The address to listen on. Default <c>http://127.0.0.1:0</c>: loopback, a port the OS picks.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>
    /// The relay keys accepted. Empty (the default): any non-empty, well-formed key is accepted. Given:
    /// only these (with or without their <c>sk-</c> prefix), and the system access token and user id must match too.
    /// </summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary>The system access token the management <c>/api/*</c> routes expect. Default <c>juhe-system-access-token</c>.</summary>
    public string SystemAccessToken { get; init; } = "juhe-system-access-token";

    /// <summary>The user id the management routes expect in <c>New-Api-User</c>. Default 1.</summary>
    public long UserId { get; init; } = 1;

    /// <summary>The models a model list shows (the catalogue's examples by default); any other name is answered too.</summary>
    public IReadOnlyList<string> Models { get; init; } =
    [
        "gpt-4o", "gpt-4o-mini", "gpt-5", "o3-mini", "gpt-3.5-turbo-instruct", "text-embedding-3-small",
        "claude-sonnet-4-20250514", "gemini-2.5-flash", "deepseek-reasoner",
    ];

    /// <summary>The wait before each stream event. Default none; a call can set its own with <c>X-Juhe-Pacing-Ms</c>.</summary>
    public TimeSpan StreamPacing { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Writes each stream event in pieces of this many bytes, flushed one by one, to exercise readers
    /// on split input. 0 (the default) writes whole events; a call can set its own with <c>X-Juhe-Chunk-Bytes</c>.
    /// </summary>
    public int StreamChunkBytes { get; init; }

    /// <summary>
    /// How many tokens every answer has (its text repeated to that length), for benchmarks that want
    /// long streams. 0 (the default) is the natural 20-token answer; a call can set its own with <c>X-Juhe-Answer-Tokens</c>.
    /// At most <see cref="MaxAnswerTokens"/>: a stream's events are prepared before it is written.
    /// </summary>
    public int AnswerTokens { get; init; }

    /// <summary>The largest <see cref="AnswerTokens"/> (100,000).</summary>
    public const int MaxAnswerTokens = 100_000;

    /// <summary>
    /// Whether stream events are batched into writes of about 16 KiB instead of each being flushed on
    /// its own as a real gateway flushes them: for throughput benchmarks, where the gateway's
    /// per-event flush would be the bottleneck. Ignored when pacing or piece splitting is asked for.
    /// Default <see langword="false"/>; a call can ask with <c>X-Juhe-Flush: batched</c>.
    /// </summary>
    public bool BatchStreamWrites { get; init; }

    /// <summary>Whether OpenAI-style streams open with new-api's <c>: PING</c> keep-alive comment. Default <see langword="true"/>.</summary>
    public bool StreamKeepAlive { get; init; } = true;

    /// <summary>
    /// How many calls, counted from the start, fail with <see cref="FailFirstCallsWith"/> before the
    /// gateway answers normally: for rehearsing retries. Default 0.
    /// </summary>
    public int FailFirstCalls { get; init; }

    /// <summary>The fault the first <see cref="FailFirstCalls"/> calls get, a name from <see cref="JuheGatewayFaults"/>. Default <c>503</c>.</summary>
    public string FailFirstCallsWith { get; init; } = JuheGatewayFaults.Unavailable;

    /// <summary>How many polls a task reports as running before it ends (after one queued poll). Default 1.</summary>
    public int TaskRunningPolls { get; init; } = 1;

    /// <summary>The size of binary answers (speech, video content, served result files). Default 64 KiB.</summary>
    public int BinaryAnswerBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Schema files of your own, by file name (<c>family.json</c>) → JSON text in the format of
    /// <c>src/Juhe/Schemas/README.md</c>: their operations are served beside the embedded ones, and
    /// they may <c>$ref</c> the embedded files. Default none.
    /// </summary>
    public IReadOnlyDictionary<string, string> AdditionalSchemas { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether ASP.NET Core logs to the console. Default <see langword="false"/> (quiet in tests).</summary>
    public bool EnableConsoleLogging { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option that cannot work.</summary>
    internal void Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out Uri? url) || url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"JuheGatewayOptions.Url must be an absolute http URL such as http://127.0.0.1:0; it is '{Url}'.", "options");
        }

        if (ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("JuheGatewayOptions.ApiKeys must not contain empty keys.", "options");
        }

        if (StreamPacing < TimeSpan.Zero || StreamChunkBytes < 0 || AnswerTokens is < 0 or > MaxAnswerTokens || FailFirstCalls < 0 || TaskRunningPolls < 0 || BinaryAnswerBytes < 0)
        {
            throw new ArgumentException(
                $"JuheGatewayOptions: StreamPacing, StreamChunkBytes, AnswerTokens (at most 100,000), FailFirstCalls, TaskRunningPolls and BinaryAnswerBytes must not be negative; they are {StreamPacing}, {StreamChunkBytes}, {AnswerTokens}, {FailFirstCalls}, {TaskRunningPolls} and {BinaryAnswerBytes}.",
                "options");
        }

        if (!Faults.Fault.TryParse(FailFirstCallsWith, out _, out string? problem))
        {
            throw new ArgumentException($"JuheGatewayOptions.FailFirstCallsWith: {problem}.", "options");
        }
    }
}
