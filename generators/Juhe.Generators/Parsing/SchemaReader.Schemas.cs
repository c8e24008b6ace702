using System;
using System.Collections.Generic;
using System.Globalization;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Juhe.Generators.Parsing;

// Schema forms: $ref, type lists, enum, array, object, dictionary (oneOf is in SchemaReader.Unions.cs).
internal sealed partial class SchemaReader
{
    /// <summary>How a <c>$ref</c> names a schema: only components are addressable.</summary>
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>JSON Schema keywords outside the subset (JUHE005).</summary>
    private static readonly string[] UnsupportedKeywords =
        ["allOf", "anyOf", "not", "if", "then", "else", "patternProperties", "$defs", "prefixItems", "dependentSchemas"];

    private SchemaDef? ReadSchema(JsonNode node, string where)
    {
        if (node is not JsonObjectNode schema)
        {
            ReportKind(node, where, "a schema object");
            return null;
        }

        foreach (string keyword in UnsupportedKeywords)
        {
            if (schema[keyword] is JsonNode unsupported)
            {
                string hint = keyword == "anyOf"
                    ? "use \"oneOf\" for unions (and a {\"type\":\"null\"} alternative for nullable)"
                    : keyword == "allOf" ? "write the combined properties out in one object schema" : "describe the value with the supported subset (see src/Juhe/Schemas/README.md)";
                Report(JuheDiagnostics.UnsupportedKeyword, FindMemberPosition(schema, keyword) ?? unsupported.Start, keyword, where, hint);
                return null;
            }
        }

        string? description = OptionalString(schema, "description");
        string? csharpName = OptionalString(schema, "x-juhe-name");
        CheckIdentifier(csharpName, schema["x-juhe-name"], "x-juhe-name");

        if (schema["$ref"] is JsonNode refNode)
        {
            if (refNode is not JsonStringNode refString)
            {
                ReportKind(refNode, "\"$ref\" in " + where, "a string");
                return null;
            }

            string text = refString.Value;
            int hash = text.IndexOf('#');
            string file = hash <= 0 ? _fileName : FileNameOf(text.Substring(0, hash));
            string fragment = hash < 0 ? string.Empty : text.Substring(hash);
            if (!fragment.StartsWith(ComponentPrefix, StringComparison.Ordinal) || fragment.Length == ComponentPrefix.Length)
            {
                Report(JuheDiagnostics.UnsupportedReferenceForm, refNode.Start, text);
                return null;
            }

            return new SchemaDef(SchemaShape.Reference, refNode.Start)
            {
                Description = description,
                CSharpName = csharpName,
                RefFile = file,
                RefName = fragment.Substring(ComponentPrefix.Length),
                RefText = text,
            };
        }

        if (schema["oneOf"] is JsonNode oneOfNode)
        {
            return ReadOneOf(schema, oneOfNode, where, description, csharpName);
        }

        bool nullable = false;
        string? type = null;
        JsonNode? typeNode = schema["type"];
        if (typeNode is JsonStringNode typeString)
        {
            type = typeString.Value;
        }
        else if (typeNode is JsonArrayNode typeArray)
        {
            foreach (JsonNode item in typeArray.Items)
            {
                if (item is JsonStringNode { Value: "null" })
                {
                    nullable = true;
                }
                else if (item is JsonStringNode itemString && type is null)
                {
                    type = itemString.Value;
                }
                else
                {
                    Report(JuheDiagnostics.MultipleTypes, item.Start, where);
                    return null;
                }
            }

            if (type is null)
            {
                Report(JuheDiagnostics.NullOnlySchema, typeNode.Start, "The \"type\" list in " + where);
                return null;
            }
        }
        else if (typeNode is not null)
        {
            ReportKind(typeNode, "\"type\" in " + where, "a string or an array of strings");
            return null;
        }

        TextPosition position = typeNode?.Start ?? schema.Start;
        SchemaDef? result = type switch
        {
            null when schema["properties"] is not null => ReadObject(schema, where, position),
            null when schema["enum"] is not null => ReadEnum(schema, where, position),
            null => new SchemaDef(SchemaShape.Any, position),
            "object" => ReadObject(schema, where, position),
            "array" => ReadArray(schema, where, position),
            "string" when schema["enum"] is not null => ReadEnum(schema, where, position),
            "string" => ReadString(schema, where, position),
            "integer" => new SchemaDef(SchemaShape.Integer, position) { Format = OptionalString(schema, "format") },
            "number" => new SchemaDef(SchemaShape.Number, position) { Format = OptionalString(schema, "format") },
            "boolean" => new SchemaDef(SchemaShape.Boolean, position),
            "null" => UnsupportedNullType(position, where),
            _ => UnknownType(type, typeNode!.Start, where),
        };

        return result is null ? null : result with { Nullable = nullable, Description = description, CSharpName = csharpName };
    }

    private SchemaDef? UnsupportedNullType(TextPosition position, string where)
    {
        Report(JuheDiagnostics.NullOnlySchema, position, "The \"type\": \"null\" in " + where);
        return null;
    }

    private SchemaDef? UnknownType(string type, TextPosition position, string where)
    {
        Report(JuheDiagnostics.UnknownType, position, type, where);
        return null;
    }

    private SchemaDef? ReadString(JsonObjectNode schema, string where, TextPosition position)
    {
        string? format = OptionalString(schema, "format");
        return new SchemaDef(SchemaShape.String, position) { Format = format };
    }

    private SchemaDef? ReadEnum(JsonObjectNode schema, string where, TextPosition position)
    {
        if (schema["enum"] is not JsonArrayNode values || values.Items.Count == 0)
        {
            ReportKind(schema["enum"]!, "\"enum\" in " + where, "a non-empty array of strings");
            return null;
        }

        var list = new List<string>();
        foreach (JsonNode value in values.Items)
        {
            if (value is JsonStringNode text)
            {
                list.Add(text.Value);
            }
            else if (value.Kind != JsonKind.Null)
            {
                Report(JuheDiagnostics.NonStringEnumValue, value.Start, where);
                return null;
            }
        }

        EquatableArray<string> names = StringList(schema, "x-juhe-enum-names");
        if (!names.IsEmpty && names.Count != list.Count)
        {
            Report(JuheDiagnostics.EnumNamesCountMismatch, schema["x-juhe-enum-names"]!.Start, names.Count.ToString(CultureInfo.InvariantCulture), list.Count.ToString(CultureInfo.InvariantCulture), where);
            return null;
        }

        foreach (string name in names)
        {
            if (!SyntaxFacts.IsValidIdentifier(name))
            {
                Report(JuheDiagnostics.InvalidIdentifier, schema["x-juhe-enum-names"]!.Start, "x-juhe-enum-names", name);
                return null;
            }
        }

        return new SchemaDef(SchemaShape.Enum, position) { EnumValues = list.ToEquatableArray(), EnumNames = names };
    }

    private SchemaDef? ReadArray(JsonObjectNode schema, string where, TextPosition position)
    {
        if (schema["items"] is not JsonNode itemsNode)
        {
            Report(JuheDiagnostics.MissingMember, position, "The array in " + where, "items", "add \"items\": the schema of each element ({} for any JSON)");
            return null;
        }

        SchemaDef? items = ReadSchema(itemsNode, "the items of " + where);
        return items is null ? null : new SchemaDef(SchemaShape.Array, position) { Items = items };
    }

    private SchemaDef? ReadObject(JsonObjectNode schema, string where, TextPosition position)
    {
        JsonNode? additional = schema["additionalProperties"];
        JsonNode? propertiesNode = schema["properties"];
        if (propertiesNode is null && additional is not null && additional.Kind is JsonKind.Object or JsonKind.True)
        {
            SchemaDef? values = additional is JsonObjectNode ? ReadSchema(additional, "the additionalProperties of " + where) : new SchemaDef(SchemaShape.Any, additional.Start);
            return values is null ? null : new SchemaDef(SchemaShape.Dictionary, position) { Items = values };
        }

        if (additional is not null && additional.Kind is not (JsonKind.Object or JsonKind.True or JsonKind.False))
        {
            ReportKind(additional, "\"additionalProperties\" in " + where, "a schema, true or false");
            return null;
        }

        var required = new HashSet<string>(StringList(schema, "required"), StringComparer.Ordinal);
        var properties = new List<PropertyDef>();
        bool ok = true;
        if (propertiesNode is JsonObjectNode propertyTable)
        {
            foreach (JsonMember member in propertyTable.Members)
            {
                SchemaDef? propertySchema = ReadSchema(member.Value, "the property \"" + member.Name + "\" of " + where);
                if (propertySchema is null)
                {
                    ok = false;
                    continue;
                }

                var propertyObject = member.Value as JsonObjectNode;
                string? csharpName = propertyObject is null ? null : OptionalString(propertyObject, "x-juhe-name");
                string? partName = propertyObject is null ? null : OptionalString(propertyObject, "x-juhe-part-name");
                properties.Add(new PropertyDef(member.Name, csharpName, required.Remove(member.Name), propertySchema, member.NamePosition) { PartName = partName });
            }
        }
        else if (propertiesNode is not null)
        {
            ReportKind(propertiesNode, "\"properties\" in " + where, "an object");
            return null;
        }

        foreach (string missing in required)
        {
            Report(JuheDiagnostics.RequiredNotAProperty, schema["required"]!.Start, where, missing);
            ok = false;
        }

        return ok ? new SchemaDef(SchemaShape.Object, position) { Properties = properties.ToEquatableArray() } : null;
    }
}
