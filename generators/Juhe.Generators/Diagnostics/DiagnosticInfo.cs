using Juhe.Generators.Model;
using Juhe.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Juhe.Generators.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data (descriptor id, message arguments, file and position), so
/// pipeline stages can carry it without holding Roslyn <see cref="Location"/> objects.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, TextPosition Position, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, TextPosition position, params string[] arguments)
        => new(descriptor.Id, filePath, position, arguments.ToEquatableArray());

    public bool IsError => JuheDiagnostics.Find(Id).DefaultSeverity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = JuheDiagnostics.Find(Id);
        Location location = FilePath.Length == 0
            ? Location.None
            : Location.Create(
                FilePath,
                new TextSpan(Position.Offset, 0),
                new LinePositionSpan(new LinePosition(Position.Line, Position.Column), new LinePosition(Position.Line, Position.Column)));
        object[] args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, location, args);
    }
}
