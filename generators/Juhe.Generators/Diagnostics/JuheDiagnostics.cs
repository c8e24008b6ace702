using Microsoft.CodeAnalysis;

namespace Juhe.Generators.Diagnostics;

/// <summary>Every problem the generator reports; each message says what is wrong and how to fix it.</summary>
internal static class JuheDiagnostics
{
    private const string Category = "Juhe.Schemas";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "JUHE001",
        "Schema file is not valid JSON",
        "The schema file is not valid JSON: {0}. Fix the JSON syntax at this position; nothing is generated from this file until it parses.");

    public static readonly DiagnosticDescriptor UnknownReference = Error(
        "JUHE002",
        "Unknown $ref",
        "The $ref \"{0}\" does not resolve: {1}. Point it at an existing schema, as \"#/components/schemas/Name\" (same file) or \"file.json#/components/schemas/Name\" (another schema file of the project).");

    public static readonly DiagnosticDescriptor DuplicateOperationId = Error(
        "JUHE003",
        "Duplicate operationId",
        "The operationId \"{0}\" is already used in {1}. Every operationId must be unique across all schema files of the project; rename one of them.");

    public static readonly DiagnosticDescriptor DuplicateTypeName = Error(
        "JUHE004",
        "Duplicate type name",
        "The type name \"{0}\" is already generated from {1}. Type names must be unique across all schema files of the project; rename one schema or give it \"x-juhe-name\".");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error(
        "JUHE005",
        "Unsupported schema construct",
        "{0} is not supported by the Juhe schema format: {1}");

    public static readonly DiagnosticDescriptor MissingMember = Error(
        "JUHE006",
        "Required schema member missing",
        "{0} has no \"{1}\": {2}");

    public static readonly DiagnosticDescriptor PathParameterNotInTemplate = Error(
        "JUHE007",
        "Path parameter not in the path template",
        "The path parameter \"{0}\" does not appear as {{{0}}} in the path \"{1}\". Add the placeholder to the path or change the parameter's \"in\".");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "JUHE008",
        "Invalid schema value",
        "{0}. Fix the value at this position.");

    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = Error(
        "JUHE009",
        "Path placeholder without a parameter",
        "The path \"{0}\" has the placeholder {{{1}}} but the operation declares no path parameter named \"{1}\". Add {{ \"name\": \"{1}\", \"in\": \"path\", \"required\": true, \"schema\": {{ \"type\": \"string\" }} }} to its parameters.");

    public static readonly DiagnosticDescriptor OperationNotGenerated = new(
        "JUHE010",
        "Operation not generated yet",
        "The operation \"{0}\" is not generated: {1}. Its types are still generated; call it through JuheClient.SendAsync for now.",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor JuheClientNotFound = Error(
        "JUHE011",
        "Juhe.Http.JuheClient not found",
        "The schemas declare operations, but the compilation cannot see Juhe.Http.JuheClient. Reference the Juhe library (or remove the \"paths\") to get the generated clients.");

    public static readonly DiagnosticDescriptor DuplicateMemberName = Error(
        "JUHE012",
        "Two members get the same C# name",
        "\"{0}\" and \"{1}\" both become the C# member \"{2}\" of {3}. Give one of them \"x-juhe-name\".");

    public static readonly DiagnosticDescriptor UnknownTaskOperation = Error(
        "JUHE013",
        "x-juhe-task names an unknown operation",
        "The x-juhe-task of \"{0}\" polls with \"{1}\", but no operation has that operationId. Name the operationId of the poll operation.");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "JUHE099",
        "Juhe generator failed",
        "The Juhe generator failed on this input ({0}). Please report this with the schema file; nothing was generated from it.");

    private static readonly DiagnosticDescriptor[] All =
    [
        InvalidJson, UnknownReference, DuplicateOperationId, DuplicateTypeName, UnsupportedConstruct, MissingMember,
        PathParameterNotInTemplate, InvalidValue, PlaceholderWithoutParameter, OperationNotGenerated, JuheClientNotFound,
        DuplicateMemberName, UnknownTaskOperation, InternalError,
    ];

    public static DiagnosticDescriptor Find(string id)
    {
        foreach (DiagnosticDescriptor descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return InternalError;
    }

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
