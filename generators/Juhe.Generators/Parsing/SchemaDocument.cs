using Juhe.Generators.Diagnostics;
using Juhe.Generators.Model;

namespace Juhe.Generators.Parsing;

/// <summary>
/// The parsing stage's output: one schema file as equatable data, still in OpenAPI terms.
/// Positions point into the file for later diagnostics.
/// </summary>
/// <remarks>New members must stay equatable (records, strings, <see cref="EquatableArray{T}"/>) so the pipeline can cache.</remarks>
internal sealed record SchemaDocument
{
    public required string FilePath { get; init; }

    /// <summary>The file name part of <see cref="FilePath"/>: how <c>$ref</c>s name the file.</summary>
    public required string FileName { get; init; }

    /// <summary>The C# namespace of the generated types (<c>x-juhe-namespace</c>); empty when missing.</summary>
    public string Namespace { get; init; } = string.Empty;

    public EquatableArray<NamedSchema> Schemas { get; init; } = EquatableArray<NamedSchema>.Empty;

    public EquatableArray<OperationDef> Operations { get; init; } = EquatableArray<OperationDef>.Empty;

    public EquatableArray<DiagnosticInfo> Diagnostics { get; init; } = EquatableArray<DiagnosticInfo>.Empty;

    /// <summary>Whether the file produced an error: then nothing is generated from it.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (DiagnosticInfo diagnostic in Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
