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
    private static readonly HashSet<string> ReservedParameterNames = new(StringComparer.Ordinal) { "query", "juheRequest", "stream" };

    private readonly TypeResolver _types;
    private readonly HostModel _host;
    private readonly ModelDiagnostics _diagnostics;
    private readonly IReadOnlyDictionary<string, (SchemaDocument Document, OperationDef Operation)> _operations;

    /// <param name="operations">Every operation of the files that generate, by operationId: <c>x-juhe-task</c> names its poll operation.</param>
    public OperationBuilder(TypeResolver types, HostModel host, ModelDiagnostics diagnostics, IReadOnlyDictionary<string, (SchemaDocument Document, OperationDef Operation)> operations)
    {
        _types = types;
        _host = host;
        _diagnostics = diagnostics;
        _operations = operations;
    }

    /// <summary>The operation's methods, or null when it is not generated (the reason is reported).</summary>
    /// <remarks>The order of the steps decides which problem is reported when there are several; keep it.</remarks>
    public OperationModel? TryBuild(SchemaDocument document, OperationDef operation)
    {
        if (!TryBuildBody(document, operation, out TypeModel? body)
            || !TryBuildAnswer(document, operation, out ResponseModel? answer)
            || !TryBuildParameters(document, operation, out List<ParameterModel> parameters))
        {
            return null;
        }

        ResponseModel.Stream? streaming = operation.Responses.OfType<ResponseDef.Stream>().FirstOrDefault() is { } stream
            ? TryBuildStream(document, operation, stream.Definition, body)
            : null;
        ResponseModel[] responses = [.. new[] { answer, streaming }.OfType<ResponseModel>()];
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
            MethodName = operation.MethodStem + "Async",
            Summary = operation.Summary,
            Description = operation.Description,
            Parameters = parameters.ToEquatableArray(),
            Body = body is null
                ? RequestBodyModel.None
                : new RequestBodyModel.Json(TypeRef.Named(body.Namespace, body.Name, body.Kind), ContextModelBuilder.PropertyName(body.Name), usesRequestName ? "body" : "request"),
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

    private bool TryBuildBody(SchemaDocument document, OperationDef operation, out TypeModel? body)
    {
        body = null;
        switch (operation.Body)
        {
            case RequestBodyDef.NoBody:
                return true;
            case RequestBodyDef.Multipart:
                _diagnostics.Report(document, JuheDiagnostics.OperationNotGenerated, operation.Position, operation.OperationId, "multipart/form-data bodies are not generated yet");
                return false;
            case RequestBodyDef.Json json:
                SchemaDef schema = json.Schema;
                TypeRef? type = _types.Resolve(document, schema.RefFile!, schema.RefName!, schema.Position, schema.RefText);
                if (type is null)
                {
                    return false;
                }

                if (type.Kind != TypeRefKind.Named || type.NamedKind != TypeModelKind.Object || !_types.Types.TryGetValue(schema.RefName!, out body))
                {
                    _diagnostics.Fail(document, JuheDiagnostics.RequestBodyNotObject, schema.Position, schema.RefText!);
                    return false;
                }

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

            bool required = parameter.Required || parameter.In == ParameterLocation.Path;
            parameters.Add(new ParameterModel(parameter.Name, name, parameter.In, required, type, parameter.Description));
        }

        return true;
    }

    /// <summary>The answer the plain method reads: JSON, or a task submission; none for a stream-only operation.</summary>
    private bool TryBuildAnswer(SchemaDocument document, OperationDef operation, out ResponseModel? answer)
    {
        answer = null;
        if (operation.Responses.OfType<ResponseDef.Json>().FirstOrDefault() is { } json)
        {
            if (TryBuildJson(document, json) is not { } result)
            {
                return false;
            }

            answer = operation.Task is { } task ? BuildTask(document, operation, result, task) : result;
            return true;
        }

        if (operation.Responses.OfType<ResponseDef.Stream>().Any())
        {
            return true;
        }

        bool binary = operation.Responses.OfType<ResponseDef.Binary>().Any();
        _diagnostics.Report(document, JuheDiagnostics.OperationNotGenerated, operation.Position, operation.OperationId,
            binary ? "binary responses are not generated yet" : "it has no \"application/json\" or \"text/event-stream\" 200 response");
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

    /// <summary>The task submission; a path that names no member of its response is reported (and fails the file).</summary>
    private ResponseModel.Task BuildTask(SchemaDocument document, OperationDef operation, ResponseModel.Json submit, TaskDef task)
    {
        CheckTaskPath(document, operation, task.IdPath, submit.Type, "the submit response");
        if (_operations.TryGetValue(task.Poll, out var poll)
            && poll.Operation.Responses.OfType<ResponseDef.Json>().FirstOrDefault() is { Schema: var pollSchema }
            && _types.Resolve(poll.Document, pollSchema.RefFile!, pollSchema.RefName!, pollSchema.Position, pollSchema.RefText) is { } pollType)
        {
            CheckTaskPath(document, operation, task.StatusPath, pollType, "the poll response of " + task.Poll);
            if (task.ResultPath is { } resultPath)
            {
                CheckTaskPath(document, operation, resultPath, pollType, "the poll response of " + task.Poll);
            }
        }

        return new ResponseModel.Task(submit, ToTaskModel(task));
    }

    private void CheckTaskPath(SchemaDocument document, OperationDef operation, string path, TypeRef response, string responseName)
    {
        if (JsonPathCheck.FindProblem(response, path, type => _types.TryGetModel(type, out TypeModel model) ? model : null) is { } problem)
        {
            _diagnostics.Fail(document, JuheDiagnostics.TaskPathNotInResponse, operation.Task!.Position, operation.OperationId, path, responseName, problem);
        }
    }

    private static TaskModel ToTaskModel(TaskDef task) => new TaskModel
        {
            PollOperationId = task.Poll,
            IdPath = task.IdPath,
            StatusPath = task.StatusPath,
            ResultPath = task.ResultPath,
            Queued = task.Queued,
            Running = task.Running,
            Succeeded = task.Succeeded,
            Failed = task.Failed,
            Cancelled = task.Cancelled,
        };

    private ResponseModel.Stream? TryBuildStream(SchemaDocument document, OperationDef operation, StreamDef stream, TypeModel? body)
    {
        if (body is null)
        {
            _diagnostics.Report(document, JuheDiagnostics.OperationNotGenerated, stream.Position, operation.OperationId + " (streaming)", "a streaming operation without a JSON request body is not generated yet");
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
            PropertyModel? property = body.Properties.FirstOrDefault(p => p.JsonName == flag);
            if (property is null || property.Type.Kind != TypeRefKind.Boolean)
            {
                _diagnostics.Report(document, JuheDiagnostics.InvalidStreamFlag, stream.Position, operation.OperationId, flag, body.Name);
                return null;
            }

            flagMember = flag; // the JSON member: JuheClient writes it at serialization time

        }

        return new ResponseModel.Stream(stream.MethodName + "Async", stream.Kind, decoderType, flagMember);
    }
}
