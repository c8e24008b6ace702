namespace Juhe.Generators.Parsing;

/// <summary>Where a parameter travels: the OpenAPI <c>"in"</c> of a parameter.</summary>
internal enum ParameterLocation
{
    /// <summary>A <c>{name}</c> placeholder of the path template.</summary>
    Path,

    /// <summary>A <c>name=value</c> pair of the query string.</summary>
    Query,

    /// <summary>A request header. Parsed but reported as unsupported until the runtime can send per-operation headers.</summary>
    Header,
}
