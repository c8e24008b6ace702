using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

/// <summary>A path, query or header parameter of a generated method.</summary>
/// <param name="Name">The C# parameter name (may start with <c>@</c>).</param>
/// <param name="Type">A primitive or enum; for a query parameter also a list of those (sent as repeated <c>name=value</c> pairs).</param>
internal sealed record ParameterModel(string JsonName, string Name, ParameterLocation In, bool Required, TypeRef Type, string? Description)
{
    /// <summary>A path value that may hold several segments: split on '/', each escaped, rejoined with '/'.</summary>
    public bool Segments { get; init; }

    /// <summary>The first path segment, left out with its slash when the caller passes null.</summary>
    public bool OptionalPrefix { get; init; }

    /// <summary>For a header: the text sent when the caller passes null.</summary>
    public string? DefaultText { get; init; }
}
