namespace Juhe.Generators.Parsing;

/// <summary>
/// One media type of an operation's 200/201 response. An operation may declare several (a JSON
/// answer and a stream, or a JSON answer and text); each shape becomes its own method. A closed family.
/// </summary>
internal abstract record ResponseDef
{
    private ResponseDef()
    {
    }

    /// <summary><c>application/json</c>: a <c>$ref</c> to the response schema.</summary>
    public sealed record Json(SchemaDef Schema) : ResponseDef;

    /// <summary>Bytes such as <c>application/octet-stream</c>, <c>audio/*</c>, <c>video/*</c> or <c>image/*</c>.</summary>
    public sealed record Binary(string MediaType) : ResponseDef;

    /// <summary><c>text/plain</c>: the answer as a string.</summary>
    /// <param name="MethodName">The text method's stem (<c>x-juhe-text-method</c>), or null for <c>{Stem}Text</c>.</param>
    public sealed record Text(string? MethodName, TextPosition Position) : ResponseDef;

    /// <summary><c>text/event-stream</c> with its <c>x-juhe-stream</c> settings.</summary>
    public sealed record Stream(StreamDef Definition) : ResponseDef;
}
