using System;
using System.Collections.Generic;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Model;

namespace Juhe.Generators.Parsing;

// oneOf: a union of alternatives, optionally selected by a discriminator; oneOf [X, null] is a nullable X.
internal sealed partial class SchemaReader
{
    private SchemaDef? ReadOneOf(JsonObjectNode schema, JsonNode oneOfNode, string where, string? description, string? csharpName)
    {
        if (oneOfNode is not JsonArrayNode list || list.Items.Count == 0)
        {
            ReportKind(oneOfNode, "\"oneOf\" in " + where, "a non-empty array of schemas");
            return null;
        }

        bool nullable = false;
        var alternatives = new List<SchemaDef>();
        foreach (JsonNode item in list.Items)
        {
            if (item is JsonObjectNode itemObject && itemObject["type"] is JsonStringNode { Value: "null" } && itemObject.Members.Count == 1)
            {
                nullable = true;
                continue;
            }

            SchemaDef? alternative = ReadSchema(item, "an alternative of " + where);
            if (alternative is null)
            {
                return null;
            }

            alternatives.Add(alternative);
        }

        if (alternatives.Count == 0)
        {
            Report(JuheDiagnostics.NullOnlySchema, oneOfNode.Start, "The \"oneOf\" in " + where);
            return null;
        }

        if (alternatives.Count == 1)
        {
            // oneOf [X, null] is how OpenAPI 3.1 writes a nullable X.
            return alternatives[0] with { Nullable = true, Description = description ?? alternatives[0].Description, CSharpName = csharpName ?? alternatives[0].CSharpName };
        }

        string? discriminator = null;
        var mapping = new List<DiscriminatorCase>();
        if (schema["discriminator"] is JsonNode discriminatorNode)
        {
            if (discriminatorNode is not JsonObjectNode discriminatorObject)
            {
                ReportKind(discriminatorNode, "\"discriminator\" in " + where, "an object with \"propertyName\" and \"mapping\"");
                return null;
            }

            discriminator = RequiredString(discriminatorObject, "propertyName", "the discriminator of " + where, "add \"propertyName\": the member whose value selects the alternative");
            if (Member(discriminatorObject, "mapping") is JsonObjectNode mappingObject)
            {
                foreach (JsonMember entry in mappingObject.Members)
                {
                    if (entry.Value is not JsonStringNode target)
                    {
                        ReportKind(entry.Value, "the discriminator mapping \"" + entry.Name + "\"", "a $ref string");
                        return null;
                    }

                    int hash = target.Value.IndexOf('#');
                    string file = hash <= 0 ? _fileName : FileNameOf(target.Value.Substring(0, hash));
                    string fragment = hash < 0 ? string.Empty : target.Value.Substring(hash);
                    if (!fragment.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                    {
                        Report(JuheDiagnostics.UnsupportedReferenceForm, target.Start, target.Value);
                        return null;
                    }

                    mapping.Add(new DiscriminatorCase(entry.Name, file, fragment.Substring(ComponentPrefix.Length), target.Value, entry.NamePosition));
                }
            }
            else
            {
                Report(JuheDiagnostics.MissingMember, discriminatorNode.Start, "The discriminator of " + where, "mapping", "map each discriminator value to its alternative's $ref");
                return null;
            }

            if (discriminator is null)
            {
                return null;
            }
        }

        return new SchemaDef(SchemaShape.OneOf, oneOfNode.Start)
        {
            Nullable = nullable,
            Description = description,
            CSharpName = csharpName,
            Alternatives = alternatives.ToEquatableArray(),
            DiscriminatorProperty = discriminator,
            DiscriminatorMapping = mapping.ToEquatableArray(),
        };
    }
}
