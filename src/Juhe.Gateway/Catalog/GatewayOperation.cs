namespace Juhe.Gateway.Catalog;

/// <summary>One operation of a schema file, ready to be served.</summary>
internal sealed class GatewayOperation
{
    /// <summary>The schema's <c>operationId</c>.</summary>
    public required string OperationId { get; init; }

    /// <summary>The schema file it comes from.</summary>
    public required string Document { get; init; }

    /// <summary>The HTTP method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>The path template it is served at.</summary>
    public required PathTemplate Path { get; init; }

    /// <summary>The credentials it expects.</summary>
    public required AuthStyle Auth { get; init; }

    /// <summary>How its errors are shaped.</summary>
    public required ErrorStyle Errors { get; init; }

    /// <summary>Its path and query parameters.</summary>
    public required IReadOnlyList<OperationParameter> Parameters { get; init; }

    /// <summary>The <c>application/json</c> request body's schema, if it takes one.</summary>
    public SchemaNode? JsonBody { get; init; }

    /// <summary>The <c>multipart/form-data</c> request body's schema, if it takes one.</summary>
    public SchemaNode? MultipartBody { get; init; }

    /// <summary>Whether a request body must be sent.</summary>
    public bool BodyRequired { get; init; }

    /// <summary>The success status (the first 2xx response the schema lists).</summary>
    public int SuccessStatus { get; init; } = 200;

    /// <summary>The <c>application/json</c> answer's schema, if it has one.</summary>
    public SchemaNode? JsonAnswer { get; init; }

    /// <summary>The <c>text/event-stream</c> answer's <c>x-juhe-stream</c> kind, if it streams.</summary>
    public string? StreamKind { get; init; }

    /// <summary>The stream events' schema, if the schema names one.</summary>
    public SchemaNode? StreamSchema { get; init; }

    /// <summary>The body member that asks for the stream (<c>stream</c>); without one, an operation with only a stream answer always streams.</summary>
    public string? StreamFlag { get; init; }

    /// <summary>The media type of a binary answer (<c>audio/mpeg</c>, <c>video/mp4</c>…), if it has one.</summary>
    public string? BinaryMediaType { get; init; }

    /// <summary>The media type of a plain-text answer (<c>text/plain</c>), if it has one.</summary>
    public string? TextMediaType { get; init; }

    /// <summary>What it submits, if it starts a task.</summary>
    public TaskSpec? Task { get; init; }

    /// <summary>The task spec whose <c>poll</c> names this operation, if it polls tasks.</summary>
    public TaskSpec? PolledTask { get; set; }

    /// <summary>Whether the answer is only ever a stream.</summary>
    public bool AlwaysStreams => StreamKind is not null && JsonAnswer is null && BinaryMediaType is null;
}
