using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Juhe.Generators.Parsing;

// Typed access to JSON members: each helper reports a wrong or missing value where it is, so readers stay linear.
internal sealed partial class SchemaReader
{
    private void CheckIdentifier(string? value, JsonNode? node, string member)
    {
        if (value is not null && node is not null && !SyntaxFacts.IsValidIdentifier(value))
        {
            Report(JuheDiagnostics.InvalidIdentifier, node.Start, member, value);
        }
    }

    private JsonNode? Member(JsonObjectNode owner, string name)
    {
        JsonNode? value = owner[name];
        if (value is not null and not JsonObjectNode and not JsonArrayNode)
        {
            ReportKind(value, "\"" + name + "\"", name == "parameters" ? "an array" : "an object");
            return null;
        }

        return value;
    }

    private string? RequiredString(JsonObjectNode owner, string name, string where, string fix)
    {
        JsonNode? value = owner[name];
        if (value is null)
        {
            Report(JuheDiagnostics.MissingMember, owner.Start, Capitalize(where), name, fix);
            return null;
        }

        if (value is not JsonStringNode text || text.Value.Length == 0)
        {
            ReportKind(value, "\"" + name + "\" in " + where, "a non-empty string");
            return null;
        }

        return text.Value;
    }

    private string? OptionalString(JsonObjectNode owner, string name)
    {
        JsonNode? value = owner[name];
        if (value is null)
        {
            return null;
        }

        if (value is JsonStringNode text)
        {
            return text.Value;
        }

        ReportKind(value, "\"" + name + "\"", "a string");
        return null;
    }

    private bool? OptionalBool(JsonObjectNode owner, string name)
    {
        JsonNode? value = owner[name];
        switch (value?.Kind)
        {
            case null:
                return null;
            case JsonKind.True:
                return true;
            case JsonKind.False:
                return false;
            default:
                ReportKind(value, "\"" + name + "\"", "true or false");
                return null;
        }
    }

    private EquatableArray<string> StringList(JsonObjectNode owner, string name)
    {
        JsonNode? value = owner[name];
        if (value is null)
        {
            return EquatableArray<string>.Empty;
        }

        if (value is JsonArrayNode array && array.Items.All(i => i is JsonStringNode))
        {
            return array.Items.Select(i => ((JsonStringNode)i).Value).ToEquatableArray();
        }

        ReportKind(value, "\"" + name + "\"", "an array of strings");
        return EquatableArray<string>.Empty;
    }

    private static TextPosition? FindMemberPosition(JsonObjectNode owner, string name)
        => owner.Members.FirstOrDefault(m => m.Name == name)?.NamePosition;

    private static bool IsValidNamespace(string ns)
        => ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private void ReportKind(JsonNode node, string what, string expected)
        => Report(JuheDiagnostics.WrongValueKind, node.Start, Capitalize(what), expected, node.KindDescription);

    private void Report(DiagnosticDescriptor descriptor, TextPosition position, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, _filePath, position, arguments));
}
