namespace Juhe.Generators.Model;

/// <summary>What a <see cref="TypeRef"/> refers to.</summary>
internal enum TypeRefKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,

    /// <summary>Any JSON: <c>System.Text.Json.JsonElement</c>.</summary>
    Json,

    /// <summary>A generated type (object, enum or union).</summary>
    Named,

    /// <summary>A file part of a multipart form: <c>Juhe.Http.JuheFile</c> (never JSON).</summary>
    File,
    List,
    Dictionary,
}
