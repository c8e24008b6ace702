using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Juhe.Gateway.Catalog;
using Juhe.Gateway.Faults;
using Juhe.Gateway.Streaming;
using Juhe.Gateway.Synthesis;
using Juhe.Gateway.Tasks;
using Microsoft.AspNetCore.Http;

namespace Juhe.Gateway.Serving;

// The JSON answers (with task ids, statuses and result URLs stamped in) and the served files.
internal sealed partial class GatewayDispatcher
{
    private async Task AnswerJsonAsync(HttpContext http, CallRequest call, SynthesisContext context, CancellationToken cancellationToken)
    {
        GatewayOperation operation = call.Operation;
        JsonNode? answer = operation.JsonAnswer is { } schema ? _synthesizer.Synthesize(schema, context) : new JsonObject();
        SuccessEnvelopes.Stamp(answer, operation.Envelope);
        if (operation.Task is { } submitted)
        {
            bool fails = string.Equals(CallHeaders.TaskOutcome(http.Request), "failed", StringComparison.OrdinalIgnoreCase);
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

            await Task.Delay(midBody.Milliseconds(Fault.DefaultStall), cancellationToken).ConfigureAwait(false);
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

    // The media type of a task's result file: what its first result path or the route names.
    private static string ResultMediaType(GatewayOperation operation, TaskSpec task) =>
        MediaTypeHint((task.ResultPaths.Count > 0 ? task.ResultPaths[0] : string.Empty) + " " + operation.Path.Template);

    /// <summary>The kind of file a route, member path or answer type names: <c>/kling/v1/videos/…</c> → <c>video/mp4</c>, <c>IdeogramImagesResponse</c> → <c>image/png</c>.</summary>
    internal static string MediaTypeHint(string hint) =>
        hint.Contains("video", StringComparison.OrdinalIgnoreCase) ? "video/mp4"
        : hint.Contains("image", StringComparison.OrdinalIgnoreCase) || hint.Contains("/mj/", StringComparison.Ordinal) ? "image/png"
        : hint.Contains("audio", StringComparison.OrdinalIgnoreCase) || hint.Contains("suno", StringComparison.OrdinalIgnoreCase) ? "audio/mpeg"
        : "application/octet-stream";

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
