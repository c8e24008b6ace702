namespace Juhe.Generators.Parsing;

/// <summary>
/// One media type of an operation's 200/201 response. An operation may declare several (a JSON
/// answer and a stream); each shape becomes its own method. A closed family.
/// </summary>
internal abstract record ResponseDef
{
    private ResponseDef()
    {
    }

    /// <summary><c>application/json</c>: a <c>$ref</c> to the response schema.</summary>
    public sealed record Json(SchemaDef Schema) : ResponseDef;

    /// <summary>Bytes such as <c>application/octet-stream</c>, <c>audio/*</c> or <c>image/*</c> (not generated yet).</summary>
    public sealed record Binary(string MediaType) : ResponseDef;

    /// <summary><c>text/event-stream</c> with its <c>x-juhe-stream</c> settings.</summary>
    public sealed record Stream(StreamDef Definition) : ResponseDef;
}
