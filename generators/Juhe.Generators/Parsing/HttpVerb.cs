namespace Juhe.Generators.Parsing;

/// <summary>The HTTP methods an operation can be declared with (the keys of an OpenAPI path item).</summary>
internal enum HttpVerb
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
}
