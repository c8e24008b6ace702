using System;
using System.Collections.Generic;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Juhe.Generators.Parsing;

/// <summary>
/// Turns one schema file's text into a <see cref="SchemaDocument"/>: checks the OpenAPI subset and
/// the <c>x-juhe-*</c> extensions, and reports every problem with its line. Pure: text in, data out.
/// </summary>
internal sealed partial class SchemaReader
{
    private readonly string _filePath;
    private readonly string _fileName;
    private readonly List<DiagnosticInfo> _diagnostics = [];

    private SchemaReader(string filePath)
    {
        _filePath = filePath;
        _fileName = FileNameOf(filePath);
    }

    public static SchemaDocument Read(string filePath, string text)
    {
        var reader = new SchemaReader(filePath);
        return reader.ReadDocument(text);
    }

    /// <summary>The file name part of a path or reference (<c>dir/chat.json</c> → <c>chat.json</c>).</summary>
    public static string FileNameOf(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private SchemaDocument ReadDocument(string text)
    {
        JsonNode? root = JsonParser.Parse(text, out JsonSyntaxError? syntaxError);
        if (root is null)
        {
            JsonSyntaxError error = syntaxError!.Value;
            Report(JuheDiagnostics.InvalidJson, error.Position, error.Message);
            return Empty();
        }

        if (root is not JsonObjectNode document)
        {
            ReportKind(root, "a schema file", "a JSON object with \"openapi\", \"x-juhe-namespace\", \"paths\" and \"components\"");
            return Empty();
        }

        string? ns = RequiredString(document, "x-juhe-namespace", "the document", "add \"x-juhe-namespace\": \"My.Namespace\" at the root: it is the C# namespace of the generated types");
        if (ns is not null && !IsValidNamespace(ns))
        {
            Report(JuheDiagnostics.InvalidNamespace, document["x-juhe-namespace"]!.Start, ns);
        }

        AuthStyle auth = ReadAuth(document["x-juhe-auth"]) ?? AuthStyle.Bearer;
        EnvelopeStyle envelope = ReadEnvelope(document["x-juhe-envelope"]) ?? EnvelopeStyle.None;

        var schemas = new List<NamedSchema>();
        if (Member(document, "components") is JsonObjectNode components && Member(components, "schemas") is JsonObjectNode schemaTable)
        {
            foreach (JsonMember member in schemaTable.Members)
            {
                if (!SyntaxFacts.IsValidIdentifier(member.Name) || !char.IsUpper(member.Name[0]))
                {
                    Report(JuheDiagnostics.InvalidSchemaName, member.NamePosition, member.Name, Naming.ToPascalCase(member.Name));
                    continue;
                }

                SchemaDef? schema = ReadSchema(member.Value, "the schema \"" + member.Name + "\"");
                if (schema is not null)
                {
                    schemas.Add(new NamedSchema(member.Name, schema, member.NamePosition));
                }
            }
        }

        var operations = new List<OperationDef>();
        if (Member(document, "paths") is JsonObjectNode paths)
        {
            foreach (JsonMember path in paths.Members)
            {
                if (!path.Name.StartsWith("/", StringComparison.Ordinal))
                {
                    Report(JuheDiagnostics.InvalidPath, path.NamePosition, path.Name, "it does not start with '/'");
                    continue;
                }

                if (path.Value is not JsonObjectNode pathItem)
                {
                    ReportKind(path.Value, "the path item \"" + path.Name + "\"", "an object of operations");
                    continue;
                }

                foreach (JsonMember op in pathItem.Members)
                {
                    if (!TryParseVerb(op.Name, out HttpVerb verb))
                    {
                        if (op.Name == "parameters")
                        {
                            Report(JuheDiagnostics.PathLevelParameters, op.NamePosition);
                        }

                        continue;
                    }

                    if (op.Value is not JsonObjectNode operation)
                    {
                        ReportKind(op.Value, "the operation " + op.Name.ToUpperInvariant() + " " + path.Name, "an object");
                        continue;
                    }

                    OperationDef? def = ReadOperation(verb, path.Name, operation, auth, envelope);
                    if (def is not null)
                    {
                        operations.Add(def);
                    }
                }
            }
        }

        return new SchemaDocument
        {
            FilePath = _filePath,
            FileName = _fileName,
            Namespace = ns ?? string.Empty,
            Schemas = schemas.ToEquatableArray(),
            Operations = operations.ToEquatableArray(),
            Diagnostics = _diagnostics.ToEquatableArray(),
        };
    }

    private SchemaDocument Empty() => new() { FilePath = _filePath, FileName = _fileName, Diagnostics = _diagnostics.ToEquatableArray() };

    private static bool TryParseVerb(string name, out HttpVerb verb)
    {
        switch (name)
        {
            case "get": verb = HttpVerb.Get; return true;
            case "post": verb = HttpVerb.Post; return true;
            case "put": verb = HttpVerb.Put; return true;
            case "patch": verb = HttpVerb.Patch; return true;
            case "delete": verb = HttpVerb.Delete; return true;
            default: verb = default; return false;
        }
    }
}
