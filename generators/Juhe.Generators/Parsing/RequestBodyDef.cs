namespace Juhe.Generators.Parsing;

/// <summary>
/// What an operation sends: nothing, a JSON body, or a multipart form. A closed family, so every
/// switch over it names each shape.
/// </summary>
internal abstract record RequestBodyDef
{
    private RequestBodyDef()
    {
    }

    /// <summary>No <c>requestBody</c>.</summary>
    public static RequestBodyDef None { get; } = new NoBody();

    /// <summary>No request body.</summary>
    public sealed record NoBody : RequestBodyDef;

    /// <summary><c>application/json</c>: a <c>$ref</c> to an object schema.</summary>
    public sealed record Json(SchemaDef Schema) : RequestBodyDef;

    /// <summary><c>multipart/form-data</c>: a <c>$ref</c> to the object schema of the parts (null when it could not be read).</summary>
    public sealed record Multipart(SchemaDef? Parts, TextPosition Position) : RequestBodyDef;
}
