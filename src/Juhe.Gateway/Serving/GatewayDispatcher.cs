using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Juhe.Gateway.Catalog;
using Juhe.Gateway.Faults;
using Juhe.Gateway.Streaming;
using Juhe.Gateway.Synthesis;
using Juhe.Gateway.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Juhe.Gateway.Serving;

/// <summary>
/// The gateway's one <see cref="RequestDelegate"/>: routes a call to its schema operation, checks its
/// credentials and body, applies the fault it asked for, and answers as the operation's schema says.
/// </summary>
internal sealed partial class GatewayDispatcher
{
    private const string FilesPrefix = "/juhe/files/";
    private const long DefaultSlowFirstByteMs = 2_000;

    private readonly OperationCatalog _catalog;
    private readonly JuheGatewayOptions _options;
    private readonly ResponseSynthesizer _synthesizer;
    private readonly RequestReader _reader;
    private readonly AuthCheck _auth;
    private readonly TaskStore _tasks;
    private readonly Fault? _failFirstFault;
    private int _requests;
    private int _failedFirst;

    public GatewayDispatcher(OperationCatalog catalog, JuheGatewayOptions options)
    {
        _catalog = catalog;
        _options = options;
        _synthesizer = new ResponseSynthesizer(catalog.Schemas, options.Models);
        _reader = new RequestReader(catalog.Schemas);
        _auth = new AuthCheck(options);
        _tasks = new TaskStore(options.TaskRunningPolls);
        // Validate() has already refused a name that is not a fault.
        _failFirstFault = Fault.TryParse(options.FailFirstCallsWith, out Fault? failFirst, out _) ? failFirst : null;
    }

    /// <summary>The calls received so far.</summary>
    public CallLog Calls { get; } = new();

    /// <summary>The gateway's own address, known once it listens; result URLs point at it.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public async Task HandleAsync(HttpContext http)
    {
        CancellationToken cancellationToken = http.RequestAborted;
        string requestId = NextRequestId();
        http.Response.Headers["X-Oneapi-Request-Id"] = requestId;
        string path = RawPath(http);
        string method = http.Request.Method;

        if (HttpMethods.IsGet(method) && path.StartsWith(FilesPrefix, StringComparison.Ordinal))
        {
            LogWhenAnswered(http, path, null, null);
            await ServeFileAsync(http, Uri.UnescapeDataString(path[FilesPrefix.Length..]), cancellationToken).ConfigureAwait(false);
            return;
        }

        GatewayOperation? operation = _catalog.Find(method, path, out Dictionary<string, string> parameters, out _);
        if (operation is null)
        {
            // new-api's answer for any route it does not have.
            var notFound = new ErrorReply(404, $"Invalid URL ({method} {path})", "invalid_request_error", string.Empty);
            LogWhenAnswered(http, path, null, null);
            await WriteErrorAsync(http, notFound, ErrorStyle.OpenAI, requestId, cancellationToken).ConfigureAwait(false);
            return;
        }

        var call = new CallRequest { Operation = operation, PathParameters = parameters, RequestId = requestId };
        LogWhenAnswered(http, path, operation.OperationId, call);
        await ServeAsync(http, call, cancellationToken).ConfigureAwait(false);
    }

    // Logged as the status line goes out, not when the handler returns: a test counting calls while
    // a stream stalls or streams on must already see it.
    private void LogWhenAnswered(HttpContext http, string path, string? operationId, CallRequest? call) =>
        http.Response.OnStarting(() =>
        {
            Calls.Add(new JuheGatewayCall(http.Request.Method, path, operationId, http.Response.StatusCode, call?.Fault?.Name));
            return Task.CompletedTask;
        });

    private async Task ServeAsync(HttpContext http, CallRequest call, CancellationToken cancellationToken)
    {
        GatewayOperation operation = call.Operation;
        if (_auth.Check(http.Request, operation.Auth) is { } refused)
        {
            await WriteErrorAsync(http, refused.Reply, refused.Style, call.RequestId, cancellationToken).ConfigureAwait(false);
            return;
        }

        string? faultText = FaultText(http.Request);
        if (faultText is not null)
        {
            if (!Fault.TryParse(faultText, out Fault? asked, out string? problem))
            {
                await WriteErrorAsync(http, new ErrorReply(400, "X-Juhe-Fault: " + problem, "invalid_request_error", "invalid_request", "X-Juhe-Fault"), operation.Errors, call.RequestId, cancellationToken).ConfigureAwait(false);
                return;
            }

            call.Fault = asked;
        }

        if (_failFirstFault is not null && Interlocked.Increment(ref _failedFirst) <= _options.FailFirstCalls)
        {
            call.Fault = _failFirstFault;
        }

        if (await _reader.ReadAsync(http.Request, call, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            await WriteErrorAsync(http, invalid, operation.Errors, call.RequestId, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (call.Fault is { Kind: FaultKind.SlowFirstByte } slow)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(slow.Argument ?? DefaultSlowFirstByteMs), cancellationToken).ConfigureAwait(false);
        }

        if (call.Fault is { } fault && await FaultResponses.TryAnswerAsync(http, fault, operation.Errors, call.RequestId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var context = new SynthesisContext(operation.OperationId, SynthesisContext.ModelOf(call.Body, call.PathParameters), call.BodyBytes, BaseUrl)
        {
            PrefersBase64 = SynthesisContext.AsksForBase64(call.Body),
        };
        if (operation.StreamKind is { } kind && WantsStream(operation, call.Body))
        {
            StreamFormat format = StreamFormats.For(kind, _synthesizer, operation.StreamSchema);
            await EventStreamWriter.WriteAsync(http, format, new StreamRequest(context, call.Body), Pacing(http.Request), call.Fault, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (operation.BinaryMediaType is { } mediaType && operation.JsonAnswer is null)
        {
            http.Response.StatusCode = operation.SuccessStatus;
            http.Response.ContentType = mediaType;
            http.Response.ContentLength = _options.BinaryAnswerBytes;
            await GeneratedFile.WriteAsync(http.Response.Body, mediaType, _options.BinaryAnswerBytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (operation.TextMediaType is { } textType && operation.JsonAnswer is null)
        {
            http.Response.StatusCode = operation.SuccessStatus;
            http.Response.ContentType = textType + "; charset=utf-8";
            await http.Response.WriteAsync(AnswerText.Text(context.Model), cancellationToken).ConfigureAwait(false);
            return;
        }

        await AnswerJsonAsync(http, call, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerJsonAsync(HttpContext http, CallRequest call, SynthesisContext context, CancellationToken cancellationToken)
    {
        GatewayOperation operation = call.Operation;
        JsonNode? answer = operation.JsonAnswer is { } schema ? _synthesizer.Synthesize(schema, context) : new JsonObject();
        if (operation.Task is { } submitted)
        {
            bool fails = string.Equals(TaskOutcome(http.Request), "failed", StringComparison.OrdinalIgnoreCase);
            string extension = GeneratedFile.ExtensionOf(ResultMediaType(operation, submitted));
            TaskStore.StampSubmit(answer, _tasks.Submit(submitted, fails, extension));
        }

        if (operation.PolledTask is not null)
        {
            IEnumerable<string> candidates = call.PathParameters.Values.Concat(http.Request.Query.SelectMany(q => q.Value.Select(v => v ?? string.Empty)));
            if (_tasks.Find(candidates) is not { } task)
            {
                await WriteErrorAsync(http, new ErrorReply(400, "task_not_exist", "new_api_error", "task_not_exist"), ErrorStyle.Task, call.RequestId, cancellationToken).ConfigureAwait(false);
                return;
            }

            TaskStore.StampPoll(answer, task, _tasks.Advance(task), context.FileUrl);
        }

        byte[] bytes = Serialize(answer);
        http.Response.StatusCode = operation.SuccessStatus;
        http.Response.ContentType = "application/json";
        if (call.Fault is { Kind: FaultKind.DropConnection or FaultKind.Stall } midBody)
        {
            // Half the body, then the connection breaks (or waits): a body that never completes.
            await http.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), cancellationToken).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (midBody.Kind == FaultKind.DropConnection)
            {
                await EventStreamWriter.DropAsync(http, cancellationToken).ConfigureAwait(false);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(midBody.Argument ?? 10_000), cancellationToken).ConfigureAwait(false);
            await http.Response.Body.WriteAsync(bytes.AsMemory(bytes.Length / 2), cancellationToken).ConfigureAwait(false);
            return;
        }

        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task ServeFileAsync(HttpContext http, string name, CancellationToken cancellationToken)
    {
        string mediaType = GeneratedFile.MediaTypeOf(name);
        http.Response.StatusCode = 200;
        http.Response.ContentType = mediaType;
        http.Response.ContentLength = _options.BinaryAnswerBytes;
        await GeneratedFile.WriteAsync(http.Response.Body, mediaType, _options.BinaryAnswerBytes, cancellationToken).ConfigureAwait(false);
    }

    private static bool WantsStream(GatewayOperation operation, JsonElement? body) =>
        operation.AlwaysStreams
        || (operation.StreamFlag is { } flag && body is { ValueKind: JsonValueKind.Object } json
            && json.TryGetProperty(flag, out JsonElement value) && value.ValueKind == JsonValueKind.True);

    private StreamPacing Pacing(HttpRequest request)
    {
        TimeSpan delay = HeaderNumber(request, "X-Juhe-Pacing-Ms") is { } ms ? TimeSpan.FromMilliseconds(ms) : _options.StreamPacing;
        int pieces = HeaderNumber(request, "X-Juhe-Chunk-Bytes") is { } bytes ? (int)Math.Min(bytes, int.MaxValue) : _options.StreamChunkBytes;
        return new StreamPacing(delay, pieces, _options.StreamKeepAlive);
    }

    // The media type of a task's result file: the extension the schema's result member suggests.
    private static string ResultMediaType(GatewayOperation operation, TaskSpec task)
    {
        string hint = (task.ResultPath ?? string.Empty) + " " + operation.Path.Template;
        return hint.Contains("video", StringComparison.OrdinalIgnoreCase) ? "video/mp4"
            : hint.Contains("image", StringComparison.OrdinalIgnoreCase) || hint.Contains("/mj/", StringComparison.Ordinal) ? "image/png"
            : hint.Contains("audio", StringComparison.OrdinalIgnoreCase) || hint.Contains("suno", StringComparison.OrdinalIgnoreCase) ? "audio/mpeg"
            : "application/octet-stream";
    }

    private static string? FaultText(HttpRequest request) =>
        request.Headers.TryGetValue("X-Juhe-Fault", out var header) && header.Count > 0 ? header[0]
        : request.Query.TryGetValue("juhe_fault", out var query) && query.Count > 0 ? query[0]
        : null;

    private static string? TaskOutcome(HttpRequest request) =>
        request.Headers.TryGetValue("X-Juhe-Task-Outcome", out var header) && header.Count > 0 ? header[0]
        : request.Query.TryGetValue("juhe_task_outcome", out var query) && query.Count > 0 ? query[0]
        : null;

    private static long? HeaderNumber(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0
        && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out long number) ? number : null;

    // Parameters arrive escaped by the client (Uri.EscapeDataString); the raw target keeps them so,
    // where Request.Path would already have decoded all but %2F.
    private static string RawPath(HttpContext http)
    {
        string raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
        int query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }

    private string NextRequestId() =>
        "20241224002640" + Interlocked.Increment(ref _requests).ToString("D8", CultureInfo.InvariantCulture);

    internal static Task WriteErrorAsync(HttpContext http, ErrorReply reply, ErrorStyle style, string requestId, CancellationToken cancellationToken)
    {
        byte[] body = reply.ToJson(style, requestId);
        http.Response.StatusCode = reply.Status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body, cancellationToken).AsTask();
    }

    private static byte[] Serialize(JsonNode? answer)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (answer is null)
            {
                json.WriteNullValue();
            }
            else
            {
                answer.WriteTo(json);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }
}
