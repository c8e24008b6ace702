using System.Text.Json;

namespace Juhe.Gateway.Catalog;

/// <summary>
/// Checks a JSON request body against its schema: required members present, every value of the
/// declared JSON type (through <c>$ref</c>, <c>oneOf</c>, arrays and dictionaries). Enums are open,
/// as on the real gateway, and ranges are not enforced: new-api passes both to the upstream.
/// </summary>
internal sealed class RequestValidator(SchemaSet schemas)
{
    private const int MaxDepth = 64;

    /// <summary>The first problem, naming the member (<c>messages[0].role</c>), or <see langword="null"/> when the body is valid.</summary>
    public ValidationProblem? Validate(JsonElement value, SchemaNode schema) => Check(value, schema, "", 0);

    private ValidationProblem? Check(JsonElement value, SchemaNode schema, string at, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        schema = schemas.Resolve(schema);
        if (schema.TryGet("oneOf", out JsonElement alternatives) && alternatives.ValueKind == JsonValueKind.Array)
        {
            ValidationProblem? first = null;
            foreach (JsonElement alternative in alternatives.EnumerateArray())
            {
                ValidationProblem? problem = Check(value, new SchemaNode(alternative, schema.Document), at, depth + 1);
                if (problem is null)
                {
                    return null;
                }

                first ??= problem;
            }

            // One alternative's complaint about a member is more useful than "matches none" when the
            // value is of its kind (an object missing a required member).
            return first is { IsTypeMismatch: false } ? first : ValidationProblem.WrongType(at, DescribeOneOf(alternatives, schema.Document), value);
        }

        if (!TypeAllows(schema, value, out string expected))
        {
            return ValidationProblem.WrongType(at, expected, value);
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => CheckObject(value, schema, at, depth),
            JsonValueKind.Array when schema.Child("items") is { } items => CheckItems(value, items, at, depth),
            _ => null,
        };
    }

    private ValidationProblem? CheckObject(JsonElement value, SchemaNode schema, string at, int depth)
    {
        if (schema.TryGet("required", out JsonElement required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement name in required.EnumerateArray())
            {
                string member = name.GetString() ?? string.Empty;
                if (!value.TryGetProperty(member, out _))
                {
                    return ValidationProblem.Missing(Join(at, member));
                }
            }
        }

        SchemaNode? properties = schema.Child("properties");
        SchemaNode? additional = schema.Child("additionalProperties");
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (properties is { } declared && declared.TryGet(member.Name, out JsonElement memberSchema))
            {
                if (Check(member.Value, new SchemaNode(memberSchema, schema.Document), Join(at, member.Name), depth + 1) is { } problem)
                {
                    return problem;
                }
            }
            else if (additional is { Element.ValueKind: JsonValueKind.Object } valueSchema
                && Check(member.Value, valueSchema, Join(at, member.Name), depth + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private ValidationProblem? CheckItems(JsonElement array, SchemaNode items, string at, int depth)
    {
        int index = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (Check(item, items, at + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", depth + 1) is { } problem)
            {
                return problem;
            }

            index++;
        }

        return null;
    }

    /// <summary>Whether the schema's <c>type</c> (a name or a list of names) admits the value's JSON kind.</summary>
    private static bool TypeAllows(SchemaNode schema, JsonElement value, out string expected)
    {
        expected = string.Empty;
        if (!schema.TryGet("type", out JsonElement type))
        {
            return true; // {} and enum-only schemas take anything
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            expected = type.GetString()!;
            return Admits(expected, value);
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            var names = type.EnumerateArray().Select(t => t.GetString() ?? string.Empty).ToArray();
            expected = string.Join(" or ", names);
            return names.Any(name => Admits(name, value));
        }

        return true;
    }

    private static bool Admits(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private string DescribeOneOf(JsonElement alternatives, string document)
    {
        var kinds = new List<string>();
        AddKinds(alternatives, document, kinds, 0);
        return string.Join(" or ", kinds);
    }

    // The JSON kinds a oneOf admits, nested unions flattened: "string or array or null".
    private void AddKinds(JsonElement alternatives, string document, List<string> kinds, int depth)
    {
        foreach (JsonElement alternative in alternatives.EnumerateArray())
        {
            SchemaNode resolved = schemas.Resolve(new SchemaNode(alternative, document));
            if (resolved.TryGet("oneOf", out JsonElement nested) && nested.ValueKind == JsonValueKind.Array && depth < 8)
            {
                AddKinds(nested, resolved.Document, kinds, depth + 1);
                continue;
            }

            string kind = Synthesis.SchemaFacts.TypeName(resolved) is var name && name != "any" ? name : "value";
            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }
    }

    private static string Join(string at, string member) => at.Length == 0 ? member : at + "." + member;
}
