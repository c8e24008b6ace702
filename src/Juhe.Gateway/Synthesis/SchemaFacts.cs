using System.Text.Json;
using Juhe.Gateway.Catalog;

namespace Juhe.Gateway.Synthesis;

/// <summary>Small questions about a schema that answer generation asks: its type, its enum, what its description quotes.</summary>
internal static class SchemaFacts
{
    /// <summary>The schema's JSON type, the non-null one of a <c>["T","null"]</c> list; <c>any</c> for <c>{}</c>.</summary>
    public static string TypeName(SchemaNode schema)
    {
        if (schema.TryGet("type", out JsonElement type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString()!;
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                string? first = null;
                foreach (JsonElement item in type.EnumerateArray())
                {
                    string name = item.GetString() ?? "any";
                    if (name != "null")
                    {
                        return name;
                    }

                    first ??= name;
                }

                return first ?? "any";
            }
        }

        return schema.TryGet("properties", out _) ? "object"
            : schema.TryGet("enum", out _) ? "string"
            : schema.TryGet("items", out _) ? "array"
            : "any";
    }

    /// <summary>Whether <c>null</c> is one of the schema's types.</summary>
    public static bool AllowsNull(SchemaNode schema) =>
        schema.TryGet("type", out JsonElement type) && type.ValueKind == JsonValueKind.Array
        && type.EnumerateArray().Any(t => t.ValueEquals("null"));

    /// <summary>The names in the schema's <c>required</c> list.</summary>
    public static HashSet<string> Required(SchemaNode schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGet("required", out JsonElement required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement name in required.EnumerateArray())
            {
                names.Add(name.GetString() ?? string.Empty);
            }
        }

        return names;
    }

    /// <summary>The schema's string <c>enum</c> values.</summary>
    public static List<string> EnumValues(SchemaNode schema) =>
        schema.TryGet("enum", out JsonElement values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    /// <summary>A numeric member such as <c>default</c> or <c>minimum</c>.</summary>
    public static double? Number(SchemaNode schema, string member) =>
        schema.TryGet(member, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>
    /// Whether an object schema describes a model (its component name ends in <c>Model</c> and it has
    /// an <c>id</c>): lists of them show the configured models, and each one's id is the model.
    /// </summary>
    public static bool DescribesModel(string? refName, SchemaNode? properties) =>
        refName is not null && refName.EndsWith("Model", StringComparison.Ordinal)
        && properties is { } p && p.TryGet("id", out _);

    /// <summary>
    /// How an optional member appears: see <see cref="MemberInclusion"/>. A list of objects is left
    /// out below the answer's top level (tool calls, annotations) but kept at it, where it is the
    /// payload itself (Gemini's <c>candidates</c>). In an answer written <paramref name="inFull"/>,
    /// every optional member has a value: there the payload sits in optional members (<c>data</c>,
    /// <c>task_result.videos</c>).
    /// </summary>
    public static MemberInclusion Inclusion(SchemaSet schemas, SchemaNode member, string name, bool required, bool atTopLevel, bool inFull)
    {
        if (!required && name is "error" or "errors")
        {
            // A successful call carries no error, and a client reads one in a 2xx answer as a failure
            // (Sora's and Seedance's error object, Replicate's error text). A failed task gets its
            // reason written at its failReason path instead.
            return MemberInclusion.Omit;
        }

        if (required || inFull)
        {
            return MemberInclusion.Value;
        }

        SchemaNode target = schemas.Resolve(member);
        bool nullable = AllowsNull(target);
        if (target.TryGet("oneOf", out JsonElement alternatives) && alternatives.ValueKind == JsonValueKind.Array)
        {
            SchemaNode? nonNull = null;
            foreach (JsonElement alternative in alternatives.EnumerateArray())
            {
                SchemaNode resolved = schemas.Resolve(new SchemaNode(alternative, target.Document));
                if (TypeName(resolved) == "null")
                {
                    nullable = true;
                }
                else
                {
                    nonNull ??= resolved;
                }
            }

            target = nonNull ?? target;
        }

        string type = TypeName(target);
        bool hasMembers = target.TryGet("properties", out _);
        if (type is "string" or "integer" or "number" or "boolean")
        {
            return !nullable || IsAnswerTextName(name) || name is "finish_reason" or "stop_reason" ? MemberInclusion.Value : MemberInclusion.Null;
        }

        if (type == "object" && hasMembers && IsUsageName(name))
        {
            return MemberInclusion.Value;
        }

        if (type == "array" && target.Child("items") is { } items
            && (atTopLevel || TypeName(schemas.Resolve(items)) is "string" or "integer" or "number" or "boolean"))
        {
            return MemberInclusion.Value;
        }

        return nullable ? MemberInclusion.Null : MemberInclusion.Omit;
    }

    /// <summary>Members that carry the answer's text.</summary>
    public static bool IsAnswerTextName(string name) => name is "content" or "text" or "transcript" or "output_text" or "lyrics";

    /// <summary>Members that carry token usage, which real answers always include.</summary>
    public static bool IsUsageName(string name) =>
        name is "usage" or "usageMetadata" || name.EndsWith("_details", StringComparison.Ordinal);

    /// <summary>Members that hold a URL of a generated file.</summary>
    public static bool IsUrlName(string name) =>
        name == "url" || name.EndsWith("_url", StringComparison.Ordinal) || name.EndsWith("Url", StringComparison.Ordinal);

    /// <summary>
    /// Whether a description says its string is a file's URL (Replicate's <c>output</c>: "One file URL
    /// (or a text result)."), for members whose name does not say so.
    /// </summary>
    public static bool DescribesUrl(string description) =>
        description.StartsWith("One file URL", StringComparison.Ordinal) || description.StartsWith("Several file URLs", StringComparison.Ordinal)
        || description.StartsWith("Where to download", StringComparison.Ordinal);

    /// <summary>
    /// The extension of a file whose URL a member holds: <c>video_url</c> → <c>.mp4</c>; a member whose
    /// name does not say (<c>url</c>) takes <paramref name="fallback"/>, the operation's own kind of file.
    /// </summary>
    public static string FileExtensionFor(string name, string fallback) =>
        name.Contains("video", StringComparison.OrdinalIgnoreCase) ? ".mp4"
        : name.Contains("image", StringComparison.OrdinalIgnoreCase) ? ".png"
        : name.Contains("audio", StringComparison.OrdinalIgnoreCase) ? ".mp3"
        : fallback;

    /// <summary>The prefix a description quotes as <c>`chatcmpl-…`</c>, or <see langword="null"/>.</summary>
    public static string? IdPrefix(string description)
    {
        foreach (string quoted in Quoted(description))
        {
            if (quoted.EndsWith('…') || quoted.EndsWith("...", StringComparison.Ordinal))
            {
                return quoted.TrimEnd('…', '.');
            }
        }

        return null;
    }

    /// <summary>The first one-word value a description quotes (<c>Always `list`.</c>), or <see langword="null"/>.</summary>
    public static string? QuotedValue(string description)
    {
        foreach (string quoted in Quoted(description))
        {
            if (quoted.Length > 0 && !quoted.Contains(' ', StringComparison.Ordinal) && !quoted.Contains('…', StringComparison.Ordinal)
                && !quoted.Contains('{', StringComparison.Ordinal) && !quoted.Contains('=', StringComparison.Ordinal))
            {
                return quoted;
            }
        }

        return null;
    }

    private static IEnumerable<string> Quoted(string text)
    {
        int start = text.IndexOf('`', StringComparison.Ordinal);
        while (start >= 0)
        {
            int end = text.IndexOf('`', start + 1);
            if (end < 0)
            {
                yield break;
            }

            yield return text[(start + 1)..end];
            start = text.IndexOf('`', end + 1);
        }
    }
}
