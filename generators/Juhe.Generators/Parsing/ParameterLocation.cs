namespace Juhe.Generators.Parsing;

/// <summary>Where a parameter travels: the OpenAPI <c>"in"</c> of a parameter.</summary>
internal enum ParameterLocation
{
    /// <summary>A <c>{name}</c> placeholder of the path template.</summary>
    Path,

    /// <summary>A <c>name=value</c> pair of the query string (repeated for an array).</summary>
    Query,

    /// <summary>A request header, sent through <c>JuheRequest.Headers</c>.</summary>
    Header,
}
