using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>
/// Emits what a task family needs on top of its plain methods: <c>Submit…Async</c> (a
/// <c>JuheTaskHandle</c>) and <c>Run…Async</c> (submit and wait) per submitting operation, and per
/// poll operation a status map, a fetch function, a describe function reading the typed payload
/// along the schema's paths, and <c>Wait…Async</c>.
/// </summary>
internal static class TaskEmitter
{
    private const string Tasks = "global::Juhe.Tasks.";
    private const string CancellationToken = "global::System.Threading.CancellationToken";

    public static void EmitSubmitAndRun(CodeWriter w, OperationModel operation, ResponseModel.Task task)
    {
        TaskModel polling = task.Polling;
        string payload = TypeNames.Of(polling.PollType with { Nullable = false });
        string handle = Tasks + "JuheTaskHandle<" + payload + ">";
        string snapshot = Tasks + "JuheTaskSnapshot<" + payload + ">";
        string submitType = TypeNames.Of(task.Submit.Type with { Nullable = false });
        const string PollingParameter = Tasks + "JuheTaskPollingOptions? polling = null";
        const string PollingDoc = "How the task is polled; <see langword=\"null\"/> for <see cref=\"global::Juhe.Tasks.JuheTaskPollingOptions.Default\"/>.";

        RequestEmitter.EmitDocs(w, operation, "Submits the task and returns its handle, to wait for it now or later (see <see cref=\"" + TaskEmitterNames.Wait(polling.PollName) + "\"/>).", ("polling", PollingDoc));
        w.Lines($$"""
            /// <returns>The handle of the submitted task.</returns>
            /// <exception cref="global::Juhe.Http.JuheApiException">The gateway refused the task, or its answer carries no task id at <c>{{CodeWriter.Xml(polling.Id.Text)}}</c>.</exception>
            """);
        w.Open("public async " + RequestEmitter.Task + "<" + handle + "> " + TaskEmitterNames.Submit(operation.MethodName) + "(" + RequestEmitter.ParameterList(operation, PollingParameter) + ")");
        w.Line(submitType + " submitted = await " + operation.MethodName + "(" + RequestEmitter.ArgumentList(operation) + ").ConfigureAwait(false);");
        string id = Chain("submitted", polling.Id);
        if (polling.Id.Leaf.Kind != TypeRefKind.String)
        {
            id = polling.Id.LeafNullable ? id + "?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" : id + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
        }

        string missing = CodeWriter.Literal("The answer of " + operation.OperationId + " carries no task id at '" + polling.Id.Text + "'; the task cannot be polled.");
        w.Line("string newTaskId = " + id + " is { Length: > 0 } submittedTaskId ? submittedTaskId : throw new global::Juhe.Http.JuheApiException(" + missing + ");");
        w.Line("return new " + handle + "(newTaskId, Fetch" + polling.PollName + "Async, Describe" + polling.PollName + ", polling);");
        w.Close();

        w.Line();
        RequestEmitter.EmitDocs(w, operation, "Submits the task and waits until it finishes.",
            ("progress", "Told each time the task's state, raw status or progress changes."), ("polling", PollingDoc));
        w.Lines($$"""
            /// <returns>The snapshot of the poll that found the task succeeded: result URLs and the typed payload.</returns>
            /// <exception cref="global::Juhe.Http.JuheApiException">The gateway refused the task, or a poll failed for good.</exception>
            /// <exception cref="global::Juhe.Tasks.JuheTaskFailedException">The task failed (<see cref="global::Juhe.Tasks.JuheTaskCancelledException"/> when it was cancelled).</exception>
            /// <exception cref="global::Juhe.Tasks.JuheTaskTimeoutException">The task did not finish within the polling timeout.</exception>
            /// <exception cref="global::Juhe.Tasks.JuheTaskPollingException">Too many polls in a row failed transiently.</exception>
            """);
        w.Open("public async " + RequestEmitter.Task + "<" + snapshot + "> " + TaskEmitterNames.Run(operation.MethodName) + "(" + RequestEmitter.ParameterList(operation, "global::System.IProgress<" + snapshot + ">? progress = null", PollingParameter) + ")");
        w.Line(handle + " handle = await " + TaskEmitterNames.Submit(operation.MethodName) + "(" + RequestEmitter.ArgumentList(operation, "polling: polling") + ").ConfigureAwait(false);");
        w.Line("return await handle.WaitAsync(progress, cancellationToken).ConfigureAwait(false);");
        w.Close();
    }

    /// <summary>The status map, fetch, describe and <c>Wait…Async</c> of each poll operation the client's tasks use.</summary>
    public static void EmitPollHelpers(CodeWriter w, ClientModel client)
    {
        var done = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (TaskModel polling in client.Operations.SelectMany(o => o.Responses).OfType<ResponseModel.Task>().Select(t => t.Polling))
        {
            if (done.Add(polling.PollOperationId))
            {
                w.Line();
                EmitPollHelpers(w, polling);
            }
        }
    }

    private static void EmitPollHelpers(CodeWriter w, TaskModel polling)
    {
        string payload = TypeNames.Of(polling.PollType with { Nullable = false });
        string snapshot = Tasks + "JuheTaskSnapshot<" + payload + ">";
        string map = polling.PollName + "Statuses";
        w.Line("private static readonly " + Tasks + "JuheTaskStatusMap " + map + " = new(");
        w.Line("    queued: " + List(polling.Queued) + ",");
        w.Line("    running: " + List(polling.Running) + ",");
        w.Line("    succeeded: " + List(polling.Succeeded) + ",");
        w.Line("    failed: " + List(polling.Failed) + ",");
        w.Line("    cancelled: " + List(polling.Cancelled) + ");");
        w.Line();

        w.Summary("Polls a task submitted earlier (by id) until it finishes.");
        w.Param("taskId", "The task id the submit call returned.");
        w.Param("progress", "Told each time the task's state, raw status or progress changes.");
        w.Param("polling", "How the task is polled; <see langword=\"null\"/> for <see cref=\"global::Juhe.Tasks.JuheTaskPollingOptions.Default\"/>.");
        w.Param("cancellationToken", "Stops the wait at once.");
        w.Lines("""
            /// <returns>The snapshot of the poll that found the task succeeded.</returns>
            /// <exception cref="global::Juhe.Tasks.JuheTaskFailedException">The task failed (<see cref="global::Juhe.Tasks.JuheTaskCancelledException"/> when it was cancelled).</exception>
            /// <exception cref="global::Juhe.Tasks.JuheTaskTimeoutException">The task did not finish within the polling timeout.</exception>
            /// <exception cref="global::Juhe.Tasks.JuheTaskPollingException">Too many polls in a row failed transiently.</exception>
            """);
        w.Line("public " + RequestEmitter.Task + "<" + snapshot + "> " + TaskEmitterNames.Wait(polling.PollName) + "(string taskId, global::System.IProgress<" + snapshot + ">? progress = null, " + Tasks + "JuheTaskPollingOptions? polling = null, " + CancellationToken + " cancellationToken = default) =>");
        w.Line("    " + Tasks + "JuheTaskPoller.WaitAsync(taskId, Fetch" + polling.PollName + "Async, Describe" + polling.PollName + ", polling, progress, cancellationToken);");
        w.Line();
        w.Line("private global::System.Threading.Tasks.ValueTask<" + payload + "> Fetch" + polling.PollName + "Async(string taskId, " + CancellationToken + " cancellationToken) =>");
        w.Line("    new(" + polling.PollMethodName + "(taskId, cancellationToken: cancellationToken));");
        w.Line();

        // Reads typed members along the schema's paths, null-safe: a member the gateway left out is "not reported".
        w.Open("private static " + Tasks + "JuheTaskDescription Describe" + polling.PollName + "(" + payload + " payload)");
        string status = Chain("payload", polling.Status);
        if (polling.Status.Leaf.Kind == TypeRefKind.Named)
        {
            status += polling.Status.LeafNullable ? "?.Value" : ".Value";
        }

        w.Line("string? status = " + status + ";");
        w.Line("double? progress = " + ProgressExpression(polling.Progress) + ";");
        w.Line("string? failReason = " + (polling.FailReason is { } failReason ? Chain("payload", failReason) : "null") + ";");
        w.Line("global::System.Collections.Generic.List<string>? results = null;");
        int counter = 0;
        foreach (TaskPath result in polling.Results)
        {
            if (counter > 0)
            {
                w.Line();
            }

            EmitCollect(w, "payload", fromPayload: true, result.Steps, 0, result.Leaf, ref counter);
        }

        w.Line();
        w.Line("return new " + Tasks + "JuheTaskDescription(" + map + ".GetState(status), status, progress, results, failReason);");
        w.Close();
    }

    private static string ProgressExpression(TaskPath? path)
    {
        if (path is null)
        {
            return "null";
        }

        string chain = Chain("payload", path);
        if (path.Leaf.Kind == TypeRefKind.String)
        {
            return Tasks + "JuheTaskProgress.TryParse(" + chain + ", out double percent) ? percent : null";
        }

        return path.LeafNullable
            ? chain + " is { } reported && " + Tasks + "JuheTaskProgress.TryFromPercent(reported, out double percent) ? percent : null"
            : Tasks + "JuheTaskProgress.TryFromPercent(" + chain + ", out double percent) ? percent : null";
    }

    /// <summary>The member chain of a path without arrays: <c>payload.Data?.TaskStatus</c>.</summary>
    private static string Chain(string root, TaskPath path)
        => root + string.Concat(path.Steps.Select((step, i) => (i == 0 ? "." : "?.") + step.Member));

    /// <summary>Adds every non-empty string a result path reaches to <c>results</c>, walking arrays with nested loops.</summary>
    private static void EmitCollect(CodeWriter w, string root, bool fromPayload, EquatableArray<TaskPathStep> steps, int start, TypeRef leaf, ref int counter)
    {
        string expression = root;
        int i = start;
        for (; i < steps.Count; i++)
        {
            expression += (i == start && fromPayload ? "." : "?.") + steps[i].Member;
            if (steps[i].IntoItems)
            {
                break;
            }
        }

        int n = counter++;
        if (i < steps.Count)
        {
            string item = "item" + n;
            w.Open("if (" + expression + " is { } items" + n + ")");
            w.Open("foreach (var " + item + " in items" + n + ")");
            if (i + 1 == steps.Count)
            {
                EmitAdd(w, item, leaf, n);
            }
            else
            {
                EmitCollect(w, item, fromPayload: false, steps, i + 1, leaf, ref counter);
            }

            w.Close();
            w.Close();
            return;
        }

        EmitAdd(w, expression, leaf, n);
    }

    private static void EmitAdd(CodeWriter w, string expression, TypeRef leaf, int n)
    {
        if (leaf.Kind == TypeRefKind.List)
        {
            w.Open("if (" + expression + " is { } urls" + n + ")");
            w.Open("foreach (string? url in urls" + n + ")");
            w.Open("if (!string.IsNullOrEmpty(url))");
            w.Line("(results ??= new global::System.Collections.Generic.List<string>()).Add(url);");
            w.Close();
            w.Close();
            w.Close();
            return;
        }

        w.Open("if (" + expression + " is { Length: > 0 } url" + n + ")");
        w.Line("(results ??= new global::System.Collections.Generic.List<string>()).Add(url" + n + ");");
        w.Close();
    }

    private static string List(EquatableArray<string> values) => "[" + string.Join(", ", values.Select(CodeWriter.Literal)) + "]";
}
