using System.Collections.Generic;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Juhe.Generators.Model;

/// <summary>
/// What one model pass reports, and which files failed in it. <see cref="Fail"/> is for problems
/// that make a file's output incomplete: the builder then drops the file and reruns the pass.
/// </summary>
internal sealed class ModelDiagnostics
{
    private readonly List<DiagnosticInfo> _items = [];
    private readonly HashSet<string> _failedFiles = new(System.StringComparer.Ordinal);

    public IReadOnlyList<DiagnosticInfo> Items => _items;

    /// <summary>The file names (as <c>$ref</c>s name them) that reported a <see cref="Fail"/> in this pass.</summary>
    public IReadOnlyCollection<string> FailedFiles => _failedFiles;

    /// <summary>Reports a problem that does not stop the file from generating.</summary>
    public void Report(SchemaDocument document, DiagnosticDescriptor descriptor, TextPosition position, params string[] arguments)
        => _items.Add(DiagnosticInfo.Create(descriptor, document.FilePath, position, arguments));

    /// <summary>Reports a problem and marks <paramref name="document"/> as failed: nothing is generated from it.</summary>
    public void Fail(SchemaDocument document, DiagnosticDescriptor descriptor, TextPosition position, params string[] arguments)
    {
        Report(document, descriptor, position, arguments);
        _failedFiles.Add(document.FileName);
    }
}
