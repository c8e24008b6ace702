using System;
using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

/// <summary>
/// Shapes one parsed operation into the methods of its client: one small <c>TryBuild…</c> per
/// request body and response shape, tried in order. A new shape is one new method and one line in
/// <see cref="TryBuild"/>.
/// </summary>
internal sealed class OperationBuilder
{
    /// <summary>Names the generated method body uses for its locals; parameters with these names get a <c>Value</c> suffix.</summary>
    private static readonly HashSet<string> ReservedParameterNames = new(StringComparer.Ordinal) { "query", "juheRequest", "stream", "headers", "progress", "polling", "submitted", "handle", "newTaskId" };

    private readonly TypeResolver _types;
    private readonly HostModel _host;
    private readonly ModelDiagnostics _diagnostics;
    private readonly IReadOnlyDictionary<string, (SchemaDocument Document, OperationDef Operation)> _operations;
    private readonly Dictionary<string, TaskModel> _pollReaders = new(StringComparer.Ordinal);
    private readonly string _contextFullName;

    /// <param name="operations">Every operation of the files that generate, by operationId: <c>x-juhe-task</c> names its poll operation.</param>
    public OperationBuilder(TypeResolver types, HostModel host, ModelDiagnostics diagnostics, IReadOnlyDictionary<string, (SchemaDocument Document, OperationDef Operation)> operations)
    {
        _types = types;
        _host = host;
        _diagnostics = diagnostics;
        _operations = operations;
        _contextFullName = "global::" + host.ContextNamespace + "." + host.ContextName;
    }

    /// <summary>The operation's methods, or null when it is not generated (the reason is reported).</summary>
    /// <remarks>The order of the steps decides which problem is reported when there are several; keep it.</remarks>
    public OperationModel? TryBuild(SchemaDocument document, OperationDef operation)
    {
        if (!TryBuildBody(document, operation, out RequestBodyModel body, out EquatableArray<PropertyModel> bodyProperties)
            || !TryBuildAnswer(document, operation, out ResponseModel? answer)
            || !TryBuildParameters(document, operation, out List<ParameterModel> parameters))
        {
            return null;
        }

        ResponseModel.Text? text = operation.Responses.OfType<ResponseDef.Text>().FirstOrDefault() is { } textDef
            ? new ResponseModel.Text((textDef.MethodName ?? operation.MethodStem + "Text") + "Async")
            : null;
        ResponseModel.Stream? streaming = operation.Responses.OfType<ResponseDef.Stream>().FirstOrDefault() is { } stream
            ? TryBuildStream(document, operation, stream.Definition, body, bodyProperties)
            : null;
        ResponseModel[] responses = [.. new[] { answer, text, streaming }.OfType<ResponseModel>()];
        if (responses.Length == 0)
        {
            return null;
        }

        bool usesRequestName = parameters.Any(p => p.Name == "request");
        return new OperationModel
        {
            OperationId = operation.OperationId,
            Method = operation.Method,
            Path = operation.Path,
            Auth = operation.Auth,
            Envelope = operation.Envelope,
            MethodName = operation.MethodStem + "Async",
            Summary = operation.Summary,
            Description = operation.Description,
            Parameters = parameters.ToEquatableArray(),
            Body = body switch
            {
                RequestBodyModel.Json json => json with { ParameterName = usesRequestName ? "body" : "request" },
                RequestBodyModel.Multipart form => form with { ParameterName = usesRequestName ? "body" : "request" },
                _ => body,
            },
            Responses = responses.ToEquatableArray(),
        };
    }

    /// <summary>Checks the task's poll operation exists (before the operation is shaped, as it fails the file).</summary>
    public void CheckTask(SchemaDocument document, OperationDef operation)
    {
        if (operation.Task is { } task && !_operations.ContainsKey(task.Poll))
        {
            _diagnostics.Fail(document, JuheDiagnostics.UnknownTaskOperation, task.Position, operation.OperationId, task.Poll);
        }
    }

    private bool TryBuildBody(SchemaDocument document, OperationDef operation, out RequestBodyModel body, out EquatableArray<PropertyModel> properties)
    {
        body = RequestBodyModel.None;
        properties = EquatableArray<PropertyModel>.Empty;
        switch (operation.Body)
        {
            case RequestBodyDef.NoBody:
                return true;
            case RequestBodyDef.Multipart { Parts: null }:
                return false; // the schema could not be read: already reported
            case RequestBodyDef.Multipart multipart:
                if (_types.ResolveForm(document, multipart.Parts, _contextFullName) is not { } form)
                {
                    return false;
                }

                body = new RequestBodyModel.Multipart(TypeRef.Named(form.Namespace, form.Name, TypeModelKind.Object), "request");
                properties = form.Parts.Select(p => new PropertyModel(p.JsonName, p.Name, p.Type, p.Required, p.Description)).ToEquatableArray();
                return true;
            case RequestBodyDef.Json json:
                SchemaDef schema = json.Schema;
                TypeRef? type = _types.Resolve(document, schema.RefFile!, schema.RefName!, schema.Position, schema.RefText);
                if (type is null)
                {
                    return false;
                }

                if (type.Kind != TypeRefKind.Named || type.NamedKind != TypeModelKind.Object || !_types.Types.TryGetValue(schema.RefName!, out TypeModel? model))
                {
                    _diagnostics.Fail(document, JuheDiagnostics.RequestBodyNotObject, schema.Position, schema.RefText!);
                    return false;
                }

                body = new RequestBodyModel.Json(TypeRef.Named(model.Namespace, model.Name, model.Kind), ContextModelBuilder.PropertyName(model.Name), "request");
                properties = model.Properties;
                return true;
            default:
                throw new InvalidOperationException("Unknown request body shape " + operation.Body.GetType().Name);
        }
    }

    private bool TryBuildParameters(SchemaDocument document, OperationDef operation, out List<ParameterModel> parameters)
    {
        parameters = [];
        var used = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        foreach (ParameterDef parameter in operation.Parameters)
        {
            TypeRef? type = _types.Use(document, parameter.Schema, Naming.ToPascalCase(operation.OperationId) + Naming.ToPascalCase(parameter.Name));
            if (type is null)
            {
                return false;
            }

            if (type.Kind is TypeRefKind.Named && type.NamedKind != TypeModelKind.Enum)
            {
                _diagnostics.Fail(document, JuheDiagnostics.UnsupportedParameterType, parameter.Position, parameter.Name, "a $ref to a schema that is not a string enum");
                return false;
            }

            // A $ref may name an alias of an array or dictionary: only a query array of primitives or enums has a wire form.
            bool queryArray = parameter.In == ParameterLocation.Query && type.Kind == TypeRefKind.List && IsScalar(type.Item!);
            if (!IsScalar(type) && !queryArray)
            {
                _diagnostics.Fail(document, JuheDiagnostics.UnsupportedParameterType, parameter.Position, parameter.Name,
                    type.Kind == TypeRefKind.List ? "an array that is not a query array of primitives or enums" : "of type " + type.Kind.ToString().ToLowerInvariant());
                return false;
            }

            string name = parameter.CSharpName ?? Naming.ToCamelCase(parameter.Name);
            if (ReservedParameterNames.Contains(name))
            {
                name += "Value";
            }

            if (!used.Add(name))
            {
                _diagnostics.Fail(document, JuheDiagnostics.DuplicateMemberName, parameter.Position, parameter.Name, "another parameter", name, operation.OperationId);
                return false;
            }

            if (parameter.OptionalPrefix && !operation.Path.StartsWith("/{" + parameter.Name + "}/", StringComparison.Ordinal))
            {
                _diagnostics.Fail(document, JuheDiagnostics.OptionalPrefixNotFirst, parameter.Position, parameter.Name, operation.Path);
                return false;
            }

            bool required = !parameter.OptionalPrefix && (parameter.Required || parameter.In == ParameterLocation.Path);
            parameters.Add(new ParameterModel(parameter.Name, name, parameter.In, required, type, parameter.Description)
            {
                Segments = parameter.Segments,
                OptionalPrefix = parameter.OptionalPrefix,
                DefaultText = parameter.In == ParameterLocation.Header ? parameter.DefaultText : null,
            });
        }

        return true;
    }

    /// <summary>
    /// The answer the plain method reads: JSON (or a task submission), else a file; none for an
    /// operation that only streams or only answers with text.
    /// </summary>
    private bool TryBuildAnswer(SchemaDocument document, OperationDef operation, out ResponseModel? answer)
    {
        answer = null;
        if (operation.Responses.OfType<ResponseDef.Json>().FirstOrDefault() is { } json)
        {
            if (TryBuildJson(document, json) is not { } result)
            {
                return false;
            }

            if (operation.Task is { } task)
            {
                answer = BuildTask(document, operation, result, task);
                return answer is not null;
            }

            answer = result;
            return true;
        }

        if (operation.Responses.OfType<ResponseDef.Binary>().Any())
        {
            answer = new ResponseModel.Binary();
            return true;
        }

        if (operation.Responses.Any(r => r is ResponseDef.Stream or ResponseDef.Text))
        {
            return true;
        }

        _diagnostics.Report(document, JuheDiagnostics.OperationNotGenerated, operation.Position, operation.OperationId,
            "it has no \"application/json\", \"text/event-stream\", \"text/plain\" or binary 200 response");
        return false;
    }

    private ResponseModel.Json? TryBuildJson(SchemaDocument document, ResponseDef.Json json)
    {
        SchemaDef schema = json.Schema;
        TypeRef? type = _types.Resolve(document, schema.RefFile!, schema.RefName!, schema.Position, schema.RefText);
        if (type is null)
        {
            return null;
        }

        if (!_types.TryGetModel(type, out TypeModel model))
        {
            _diagnostics.Fail(document, JuheDiagnostics.ResponseNotNamedType, schema.Position, schema.RefText!);
            return null;
        }

        return new ResponseModel.Json(type, ContextModelBuilder.PropertyName(model.Name));
    }

    /// <summary>The task submission, its paths resolved; null when the task cannot be generated (reported, and the file fails).</summary>
    private ResponseModel.Task? BuildTask(SchemaDocument document, OperationDef operation, ResponseModel.Json submit, TaskDef task)
    {
        if (!_operations.TryGetValue(task.Poll, out var poll))
        {
            return null; // CheckTask reported it
        }

        TaskPath? id = ResolveTaskPath(document, operation, task.IdPath, submit.Type, "the submit response", "task id", IdLeaf);
        if (id is null)
        {
            return null;
        }

        if (PollProblem(operation, poll.Operation) is { } pollProblem)
        {
            _diagnostics.Fail(document, JuheDiagnostics.UnusablePollOperation, task.Position, operation.OperationId, task.Poll, pollProblem);
            return null;
        }

        SchemaDef pollSchema = poll.Operation.Responses.OfType<ResponseDef.Json>().First().Schema;
        if (_types.Resolve(poll.Document, pollSchema.RefFile!, pollSchema.RefName!, pollSchema.Position, pollSchema.RefText) is not { } pollType)
        {
            return null;
        }

        string pollResponse = "the poll response of " + task.Poll;
        TaskPath? status = ResolveTaskPath(document, operation, task.StatusPath, pollType, pollResponse, "status", StatusLeaf);
        TaskPath? progress = task.ProgressPath is { } progressPath ? ResolveTaskPath(document, operation, progressPath, pollType, pollResponse, "progress", ProgressLeaf) : null;
        TaskPath? failReason = task.FailReasonPath is { } failPath ? ResolveTaskPath(document, operation, failPath, pollType, pollResponse, "failure reason", TextLeaf) : null;
        var results = new List<TaskPath>();
        foreach (string resultPath in task.ResultPaths)
        {
            if (ResolveTaskPath(document, operation, resultPath, pollType, pollResponse, "result", ResultLeaf) is { } result)
            {
                results.Add(result);
            }
        }

        if (status is null || (task.ProgressPath is not null && progress is null) || (task.FailReasonPath is not null && failReason is null) || results.Count != task.ResultPaths.Count)
        {
            return null;
        }

        var model = new TaskModel
        {
            PollOperationId = task.Poll,
            PollMethodName = poll.Operation.MethodStem + "Async",
            PollName = TaskEmitterNames.PollName(poll.Operation.MethodStem),
            PollType = pollType,
            Id = id,
            Status = status,
            Progress = progress,
            Results = results.ToEquatableArray(),
            FailReason = failReason,
            Queued = task.Queued,
            Running = task.Running,
            Succeeded = task.Succeeded,
            Failed = task.Failed,
            Cancelled = task.Cancelled,
        };
        if (_pollReaders.TryGetValue(task.Poll, out TaskModel? other) && other.WithoutSubmitSide() != model.WithoutSubmitSide())
        {
            _diagnostics.Fail(document, JuheDiagnostics.UnusablePollOperation, task.Position, operation.OperationId, task.Poll,
                "another operation polled by it reads the poll response differently (status, progress, result, failReason or the status values)");
            return null;
        }

        _pollReaders[task.Poll] = model;
        return new ResponseModel.Task(submit, model);
    }

    /// <summary>Why the poll operation cannot be called with just a task id, or null when it can.</summary>
    private static string? PollProblem(OperationDef submit, OperationDef poll)
    {
        if (poll.Client != submit.Client)
        {
            return "it is on the client \"" + poll.Client + "\", not \"" + submit.Client + "\"";
        }

        if (poll.Method != HttpVerb.Get || poll.Body is not RequestBodyDef.NoBody)
        {
            return "it is not a GET without a body";
        }

        ParameterDef[] required = poll.Parameters.Where(p => p.Required || p.In == ParameterLocation.Path).ToArray();
        if (required.Length != 1 || poll.Parameters.Any(p => p.OptionalPrefix))
        {
            return "it has " + required.Length + " required parameters";
        }

        if (required[0].Schema.Shape != SchemaShape.String)
        {
            return "its parameter \"" + required[0].Name + "\" is not a string";
        }

        return poll.Responses.OfType<ResponseDef.Json>().Any() ? null : "it has no JSON answer";
    }

    private TaskPath? ResolveTaskPath(SchemaDocument document, OperationDef operation, string path, TypeRef response, string responseName, string role, Func<TaskPath, string?> leafProblem)
    {
        TaskPath? resolved = JsonPathCheck.Resolve(response, path, type => _types.TryGetModel(type, out TypeModel model) ? model : null, out string? problem);
        if (resolved is null)
        {
            _diagnostics.Fail(document, JuheDiagnostics.TaskPathNotInResponse, operation.Task!.Position, operation.OperationId, path, responseName, problem!);
            return null;
        }

        if (leafProblem(resolved) is { } expected)
        {
            string actual = resolved.HasArrays && expected.Contains("not through") ? "read through an array" : "of type " + LeafText(resolved.Leaf);
            _diagnostics.Fail(document, JuheDiagnostics.TaskPathWrongType, operation.Task!.Position, operation.OperationId, role, path, "which is " + actual + "; it must be " + expected);
            return null;
        }

        return resolved;
    }

    private static string? IdLeaf(TaskPath path) => !path.HasArrays && path.Leaf.Kind is TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64
        ? null : "a string or an integer, not through an array";

    private static string? StatusLeaf(TaskPath path) => !path.HasArrays && (path.Leaf.Kind == TypeRefKind.String || IsEnum(path.Leaf))
        ? null : "a string or a string enum, not through an array";

    private static string? ProgressLeaf(TaskPath path) => !path.HasArrays && path.Leaf.Kind is TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
        ? null : "a number or a string such as \"42%\", not through an array";

    private static string? TextLeaf(TaskPath path) => !path.HasArrays && path.Leaf.Kind == TypeRefKind.String
        ? null : "a string, not through an array";

    private static string? ResultLeaf(TaskPath path) => path.Leaf.Kind == TypeRefKind.String || (path.Leaf.Kind == TypeRefKind.List && path.Leaf.Item!.Kind == TypeRefKind.String)
        ? null : "a string (a URL) or an array of strings";

    private static bool IsScalar(TypeRef type) => type.Kind is TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
        or TypeRefKind.Boolean or TypeRefKind.DateTimeOffset || IsEnum(type);

    private static bool IsEnum(TypeRef type) => type.Kind == TypeRefKind.Named && type.NamedKind == TypeModelKind.Enum;

    private static string LeafText(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named => type.NamedKind.ToString().ToLowerInvariant() + " " + type.FullName!.Replace("global::", string.Empty),
        TypeRefKind.List => "array",
        _ => type.Kind.ToString().ToLowerInvariant(),
    };

    private ResponseModel.Stream? TryBuildStream(SchemaDocument document, OperationDef operation, StreamDef stream, RequestBodyModel body, EquatableArray<PropertyModel> bodyProperties)
    {
        if (body is RequestBodyModel.NoBody)
        {
            _diagnostics.Report(document, JuheDiagnostics.OperationNotGenerated, stream.Position, operation.OperationId + " (streaming)", "a streaming operation without a request body is not generated yet");
            return null;
        }

        string decoderType = "global::Juhe.Sse.SseReader";
        if (StreamDecoders.TryGet(stream.Kind, out string decoder))
        {
            if (!_host.VisibleStreamDecoders.Contains(decoder))
            {
                _diagnostics.Report(document, JuheDiagnostics.OperationNotGenerated, stream.Position, operation.OperationId + " (streaming)", decoder + " is not available to this compilation");
                return null;
            }

            decoderType = "global::" + decoder;
        }

        string? flagMember = null;
        if (stream.Flag is { } flag)
        {
            PropertyModel? property = bodyProperties.FirstOrDefault(p => p.JsonName == flag);
            if (property is null || property.Type.Kind != TypeRefKind.Boolean)
            {
                string bodyName = body switch
                {
                    RequestBodyModel.Json json => json.Type.FullName!,
                    RequestBodyModel.Multipart form => form.Type.FullName!,
                    _ => "the body",
                };
                _diagnostics.Report(document, JuheDiagnostics.InvalidStreamFlag, stream.Position, operation.OperationId, flag, bodyName.Substring(bodyName.LastIndexOf('.') + 1));
                return null;
            }

            flagMember = flag; // the JSON member: JuheClient writes it at serialization time

        }

        return new ResponseModel.Stream(stream.MethodName + "Async", stream.Kind, decoderType, flagMember);
    }
}
