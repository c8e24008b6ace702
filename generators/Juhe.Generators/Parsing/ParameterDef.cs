namespace Juhe.Generators.Parsing;

/// <summary>A path, query or header parameter of an operation.</summary>
/// <param name="CSharpName">The name given with <c>x-juhe-name</c>, if any.</param>
/// <remarks>New members must stay equatable so the pipeline can cache.</remarks>
internal sealed record ParameterDef(string Name, ParameterLocation In, string? CSharpName, bool Required, string? Description, SchemaDef Schema, TextPosition Position)
{
    /// <summary>A path parameter that may hold several segments (<c>x-juhe-segments</c>): <c>fal-ai/flux/dev</c>.</summary>
    public bool Segments { get; init; }

    /// <summary>A first-segment path parameter that may be left out with its slash (<c>x-juhe-optional-prefix</c>).</summary>
    public bool OptionalPrefix { get; init; }

    /// <summary>The schema's <c>default</c> as wire text, sent for a header the caller leaves null.</summary>
    public string? DefaultText { get; init; }
}
