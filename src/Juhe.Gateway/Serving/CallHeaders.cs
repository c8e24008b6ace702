using System.Globalization;
using Juhe.Gateway.Streaming;
using Microsoft.AspNetCore.Http;

namespace Juhe.Gateway.Serving;

/// <summary>
/// What a call can ask of the gateway besides its operation: a fault (<c>X-Juhe-Fault</c> or
/// <c>?juhe_fault=</c>), a task outcome (<c>X-Juhe-Task-Outcome</c>), its own stream pacing.
/// </summary>
internal static class CallHeaders
{
    /// <summary>The call's stream pacing: <c>X-Juhe-Pacing-Ms</c>, <c>X-Juhe-Chunk-Bytes</c> and <c>X-Juhe-Flush: batched</c>, else the gateway's options.</summary>
    public static StreamPacing Pacing(HttpRequest request, JuheGatewayOptions options)
    {
        TimeSpan delay = HeaderNumber(request, "X-Juhe-Pacing-Ms") is { } ms ? TimeSpan.FromMilliseconds(ms) : options.StreamPacing;
        int pieces = HeaderNumber(request, "X-Juhe-Chunk-Bytes") is { } bytes ? (int)Math.Min(bytes, int.MaxValue) : options.StreamChunkBytes;
        bool batched = request.Headers.TryGetValue("X-Juhe-Flush", out var flush) && string.Equals(flush[0], "batched", StringComparison.OrdinalIgnoreCase);
        return new StreamPacing(delay, pieces, options.StreamKeepAlive, FlushEachEvent: !batched && !options.BatchStreamWrites);
    }

    /// <summary>How many tokens the answer should have: <c>X-Juhe-Answer-Tokens</c>, else <see cref="JuheGatewayOptions.AnswerTokens"/>.</summary>
    public static int AnswerTokens(HttpRequest request, JuheGatewayOptions options) =>
        HeaderNumber(request, "X-Juhe-Answer-Tokens") is { } tokens ? (int)Math.Min(tokens, JuheGatewayOptions.MaxAnswerTokens) : options.AnswerTokens;

    /// <summary>The fault the call asks for, as text; <see langword="null"/> for none.</summary>
    public static string? Fault(HttpRequest request) =>
        request.Headers.TryGetValue("X-Juhe-Fault", out var header) && header.Count > 0 ? header[0]
        : request.Query.TryGetValue("juhe_fault", out var query) && query.Count > 0 ? query[0]
        : null;

    /// <summary>How a submitted task should end (<c>failed</c>); <see langword="null"/> for success.</summary>
    public static string? TaskOutcome(HttpRequest request) =>
        request.Headers.TryGetValue("X-Juhe-Task-Outcome", out var header) && header.Count > 0 ? header[0]
        : request.Query.TryGetValue("juhe_task_outcome", out var query) && query.Count > 0 ? query[0]
        : null;

    private static long? HeaderNumber(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0
        && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out long number) ? number : null;
}
