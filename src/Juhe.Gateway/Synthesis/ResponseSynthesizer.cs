using System.Text.Json;
using System.Text.Json.Nodes;
using Juhe.Gateway.Catalog;

namespace Juhe.Gateway.Synthesis;

/// <summary>
/// Makes a realistic, deterministic JSON instance of a response schema: every required member,
/// the optional members a real gateway would send, values from the schema (<c>example</c>,
/// <c>default</c>, <c>enum</c>, "Always `x`" and "`prefix-…`" in descriptions) and from member names
/// (<c>model</c> echoes the request, <c>created</c> is a timestamp, usage numbers add up).
/// </summary>
internal sealed class ResponseSynthesizer(SchemaSet schemas, IReadOnlyList<string> listedModels)
{
    private const int MaxDepth = 16;

    // Below this depth even a full answer leaves its optional members out: a recursive schema
    // (a task whose info holds its parent task) stays small.
    private const int MaxFullDepth = 5;

    /// <summary>An instance of <paramref name="schema"/> for the call <paramref name="context"/> describes.</summary>
    public JsonNode? Synthesize(SchemaNode schema, SynthesisContext context) => Value(schema, string.Empty, context, 0);

    private JsonNode? Value(SchemaNode schema, string name, SynthesisContext context, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        string? refName = SchemaSet.RefName(schema);
        schema = schemas.Resolve(schema);
        if (schema.TryGet("oneOf", out JsonElement alternatives) && alternatives.ValueKind == JsonValueKind.Array)
        {
            // The first alternative that is not null: nullable members get a value, unions their first
            // shape — unless the request asked for base64 and the union can be a base64 string.
            if (context.PrefersBase64)
            {
                foreach (JsonElement alternative in alternatives.EnumerateArray())
                {
                    SchemaNode resolved = schemas.Resolve(new SchemaNode(alternative, schema.Document));
                    if (SchemaFacts.TypeName(resolved) == "string" && resolved.GetString("format") == "byte")
                    {
                        return JsonValue.Create(context.NextBase64Vector());
                    }
                }
            }

            foreach (JsonElement alternative in alternatives.EnumerateArray())
            {
                var node = new SchemaNode(alternative, schema.Document);
                if (SchemaFacts.TypeName(schemas.Resolve(node)) != "null")
                {
                    return Value(node, name, context, depth + 1);
                }
            }

            return null;
        }

        if (schema.TryGet("example", out JsonElement example) && name is not "model" and not "id")
        {
            return JsonNode.Parse(example.GetRawText());
        }

        return SchemaFacts.TypeName(schema) switch
        {
            "object" => ObjectValue(schema, refName, context, depth),
            "array" => ArrayValue(schema, name, context, depth),
            "string" => JsonValue.Create(StringValue(schema, name, context)),
            "integer" => JsonValue.Create(IntegerValue(schema, name, context)),
            "number" => JsonValue.Create(NumberValue(schema, context)),
            "boolean" => JsonValue.Create(BooleanValue(schema, name)),
            "null" => null,
            _ => new JsonObject(), // free-form {}: an empty object is valid JSON for any reader of JsonElement
        };
    }

    private JsonObject ObjectValue(SchemaNode schema, string? refName, SynthesisContext context, int depth)
    {
        var result = new JsonObject();
        if (schema.Child("properties") is not { Element.ValueKind: JsonValueKind.Object } properties)
        {
            return result; // a dictionary or free-form object: empty is realistic
        }

        HashSet<string> required = SchemaFacts.Required(schema);
        bool describesModel = SchemaFacts.DescribesModel(refName, properties);
        foreach (JsonProperty property in properties.Element.EnumerateObject())
        {
            var member = new SchemaNode(property.Value, schema.Document);
            if (describesModel && property.Name == "id")
            {
                result[property.Name] = context.Model;
                continue;
            }

            switch (SchemaFacts.Inclusion(schemas, member, property.Name, required.Contains(property.Name), atTopLevel: depth == 0, inFull: context.AnswersInFull && depth < MaxFullDepth))
            {
                case MemberInclusion.Value:
                    result[property.Name] = Value(member, property.Name, context, depth + 1);
                    break;
                case MemberInclusion.Null:
                    result[property.Name] = null;
                    break;
            }
        }

        FixUsageTotals(result);
        return result;
    }

    private JsonArray ArrayValue(SchemaNode schema, string name, SynthesisContext context, int depth)
    {
        var array = new JsonArray();
        if (schema.Child("items") is not { } items)
        {
            return array;
        }

        SchemaNode resolved = schemas.Resolve(items);
        if (SchemaFacts.DescribesModel(SchemaSet.RefName(items), resolved.Child("properties")))
        {
            // A model list shows the configured models, each echoed as the item's id.
            string requested = context.Model;
            foreach (string model in listedModels)
            {
                context.Model = model;
                array.Add(Value(items, name, context, depth + 1));
            }

            context.Model = requested;
            return array;
        }

        string type = SchemaFacts.TypeName(resolved);
        int count = type is "number" ? 8 : 1; // a vector has several components; anything else one item
        int outerIndex = context.Index;
        for (int i = 0; i < count; i++)
        {
            context.Index = i;
            array.Add(Value(items, name, context, depth + 1));
        }

        context.Index = outerIndex;
        return array;
    }

    private static string StringValue(SchemaNode schema, string name, SynthesisContext context)
    {
        if (name is "model" or "root")
        {
            return context.Model;
        }

        if (SchemaFacts.EnumValues(schema) is { Count: > 0 } values)
        {
            // The role of a generated message is the model's, whatever order the enum lists.
            return name == "role" && values.Contains("assistant") ? "assistant"
                : name == "role" && values.Contains("model") ? "model"
                : schema.GetString("default") is { } fallback && values.Contains(fallback) ? fallback : values[0];
        }

        if (schema.GetString("default") is { } defaultValue)
        {
            return defaultValue;
        }

        string? format = schema.GetString("format");
        string description = schema.GetString("description") ?? string.Empty;
        if (format == "date-time")
        {
            return DateTimeOffset.FromUnixTimeSeconds(SynthesisContext.Created).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (format == "byte")
        {
            return "SnVoZSBvZmZsaW5lIGdhdGV3YXk="; // "Juhe offline gateway"
        }

        if (SchemaFacts.IsUrlName(name) || format is "uri" or "url" || SchemaFacts.DescribesUrl(description))
        {
            return context.FileUrl(context.NextId() + SchemaFacts.FileExtensionFor(name, context.FileExtension));
        }

        if (name == "id" || name.EndsWith("_id", StringComparison.Ordinal))
        {
            string prefix = SchemaFacts.IdPrefix(description) ?? (name == "id" ? string.Empty : name[..^2]);
            return prefix + context.NextId();
        }

        if (SchemaFacts.IsAnswerTextName(name))
        {
            return context.Answer;
        }

        return SchemaFacts.QuotedValue(description) ?? name;
    }

    private static long IntegerValue(SchemaNode schema, string name, SynthesisContext context) => name switch
    {
        "created" or "created_at" or "updated_at" or "timestamp" or "expires_at" => SynthesisContext.Created,
        "prompt_tokens" or "input_tokens" or "promptTokenCount" => context.PromptTokens,
        "completion_tokens" or "output_tokens" or "candidatesTokenCount" => context.CompletionTokens,
        "total_tokens" or "totalTokenCount" => context.PromptTokens + context.CompletionTokens,
        "index" => context.Index,
        _ when name.EndsWith("_at", StringComparison.Ordinal) => SynthesisContext.Created,
        _ when name.EndsWith("_tokens", StringComparison.Ordinal) => 0,
        _ => SchemaFacts.Number(schema, "default") is { } d ? (long)d : SchemaFacts.Number(schema, "minimum") is { } m ? (long)m : 1,
    };

    private static double NumberValue(SchemaNode schema, SynthesisContext context) =>
        SchemaFacts.Number(schema, "default") ?? context.NextNumber();

    private static bool BooleanValue(SchemaNode schema, string name) =>
        schema.TryGet("default", out JsonElement d) ? d.ValueKind == JsonValueKind.True : name == "success";

    /// <summary>Keeps <c>total_tokens</c> equal to the sum of its parts wherever an object carries all three.</summary>
    private static void FixUsageTotals(JsonObject usage)
    {
        if (usage["total_tokens"] is JsonValue && usage["prompt_tokens"] is JsonValue prompt)
        {
            long completion = usage["completion_tokens"] is JsonValue c ? c.GetValue<long>() : 0;
            usage["total_tokens"] = prompt.GetValue<long>() + completion;
        }
    }
}
