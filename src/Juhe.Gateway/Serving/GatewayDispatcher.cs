using System.Globalization;
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

        GatewayOperation? operation = _catalog.Find(method, path, out Dictionary<string, string> parameters);
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

        string? faultText = CallHeaders.Fault(http.Request);
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
            await Task.Delay(slow.Milliseconds(Fault.DefaultSlowFirstByte), cancellationToken).ConfigureAwait(false);
        }

        if (call.Fault is { } fault && await FaultResponses.TryAnswerAsync(http, fault, operation.Errors, call.RequestId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var context = new SynthesisContext(operation.OperationId, SynthesisContext.ModelOf(call.Body, call.PathParameters), call.BodyBytes, BaseUrl)
        {
            PrefersBase64 = SynthesisContext.AsksForBase64(call.Body),
            AnswersInFull = operation.AnswersInFull,
            FileExtension = GeneratedFile.ExtensionOf(MediaTypeHint(operation.Path.Template + " " + (operation.JsonAnswer is { } answer ? SchemaSet.RefName(answer) : null))),
            AnswerLength = CallHeaders.AnswerTokens(http.Request, _options),
        };
        if (operation.StreamKind is { } kind && WantsStream(operation, call.Body))
        {
            StreamFormat format = StreamFormats.For(kind, _synthesizer, operation.StreamSchema);
            await EventStreamWriter.WriteAsync(http, format, new StreamRequest(context, call.Body), CallHeaders.Pacing(http.Request, _options), call.Fault, cancellationToken).ConfigureAwait(false);
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
            await http.Response.WriteAsync(context.Answer, cancellationToken).ConfigureAwait(false);
            return;
        }

        await AnswerJsonAsync(http, call, context, cancellationToken).ConfigureAwait(false);
    }

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
}
