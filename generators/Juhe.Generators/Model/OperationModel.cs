using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

/// <summary>One operation as generated methods of its family client: one method per response shape.</summary>
/// <remarks>New members must stay equatable (records, strings, enums, <see cref="EquatableArray{T}"/>): the pipeline compares models to decide what to re-emit.</remarks>
internal sealed record OperationModel
{
    public required string OperationId { get; init; }

    public required HttpVerb Method { get; init; }

    /// <summary>The path template, e.g. <c>/v1/notes/{note_id}</c>.</summary>
    public required string Path { get; init; }

    public required AuthStyle Auth { get; init; }

    /// <summary>How a 2xx answer says it failed: the request's <c>SuccessRule</c>.</summary>
    public EnvelopeStyle Envelope { get; init; }

    /// <summary>The name of the method reading one answer, e.g. <c>CreateAsync</c>.</summary>
    public required string MethodName { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public EquatableArray<ParameterModel> Parameters { get; init; } = EquatableArray<ParameterModel>.Empty;

    public RequestBodyModel Body { get; init; } = RequestBodyModel.None;

    /// <summary>The answers read, non-streaming first; never empty.</summary>
    public required EquatableArray<ResponseModel> Responses { get; init; }

    /// <summary>The streaming response, if the operation has one.</summary>
    public ResponseModel.Stream? Stream => Responses.OfType<ResponseModel.Stream>().FirstOrDefault();

    /// <summary>Every method name the operation declares on its client, to find clashes.</summary>
    public IEnumerable<string> MethodNames => Responses.SelectMany(response => response switch
    {
        ResponseModel.Stream stream => new[] { stream.MethodName },
        ResponseModel.Text text => new[] { text.MethodName },
        ResponseModel.Task => new[] { MethodName, TaskEmitterNames.Submit(MethodName), TaskEmitterNames.Run(MethodName) },
        _ => new[] { MethodName },
    });
}
