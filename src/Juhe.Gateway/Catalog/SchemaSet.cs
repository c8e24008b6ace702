using System.Reflection;
using System.Text.Json;

namespace Juhe.Gateway.Catalog;

/// <summary>
/// Every schema file the gateway serves, by file name, with <c>$ref</c> resolution across them
/// (<c>#/components/schemas/X</c> and <c>other.json#/components/schemas/X</c>).
/// </summary>
internal sealed class SchemaSet
{
    /// <summary>The prefix of the embedded schema resources (see the project file's <c>LogicalName</c>).</summary>
    internal const string ResourcePrefix = "Schemas/";

    private readonly Dictionary<string, JsonDocument> _documents;

    private SchemaSet(Dictionary<string, JsonDocument> documents) => _documents = documents;

    /// <summary>The file names, sorted so that everything derived from them is deterministic.</summary>
    public IEnumerable<string> DocumentNames => _documents.Keys.Order(StringComparer.Ordinal);

    /// <summary>Reads every <c>Schemas/*.json</c> resource embedded in <paramref name="assembly"/>.</summary>
    public static SchemaSet LoadEmbedded(Assembly assembly)
    {
        var documents = new Dictionary<string, JsonDocument>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded schema '{resource}' could not be opened.");
            string name = resource[ResourcePrefix.Length..];
            try
            {
                documents[name] = JsonDocument.Parse(stream);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"The schema file '{name}' is not valid JSON: {e.Message}", e);
            }
        }

        return new SchemaSet(documents);
    }

    /// <summary>This set plus schema files given as text (a user's own schemas); a file of the same name replaces this set's.</summary>
    public SchemaSet With(IEnumerable<KeyValuePair<string, string>> files)
    {
        var documents = new Dictionary<string, JsonDocument>(_documents, StringComparer.Ordinal);
        foreach ((string name, string text) in files)
        {
            try
            {
                documents[name] = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"the schema file '{name}' is not valid JSON: {e.Message}", e);
            }
        }

        return new SchemaSet(documents);
    }

    /// <summary>The root object of a file.</summary>
    public SchemaNode Root(string document) => new(_documents[document].RootElement, document);

    /// <summary>
    /// Follows <c>$ref</c>s until a schema that is not a reference. An unresolvable reference is an
    /// <see cref="InvalidOperationException"/> naming it: the client's generator would have refused
    /// the same file, so it is a broken build rather than a request problem.
    /// </summary>
    public SchemaNode Resolve(SchemaNode schema)
    {
        for (int depth = 0; depth < 32; depth++)
        {
            if (schema.GetString("$ref") is not { } reference)
            {
                return schema;
            }

            schema = Follow(reference, schema.Document);
        }

        throw new InvalidOperationException($"The $ref chain starting in '{schema.Document}' does not end (a cycle of references).");
    }

    /// <summary>The component name a schema is a <c>$ref</c> to (<c>ChatUsage</c>), or <see langword="null"/>.</summary>
    public static string? RefName(SchemaNode schema) =>
        schema.GetString("$ref") is { } reference && reference.LastIndexOf('/') is var slash and >= 0 ? reference[(slash + 1)..] : null;

    private SchemaNode Follow(string reference, string fromDocument)
    {
        int hash = reference.IndexOf('#', StringComparison.Ordinal);
        string file = hash <= 0 ? fromDocument : reference[..hash];
        string pointer = hash < 0 ? string.Empty : reference[(hash + 1)..];
        if (!_documents.TryGetValue(file, out JsonDocument? document))
        {
            throw new InvalidOperationException($"'{fromDocument}' refers to '{reference}', but there is no schema file '{file}'.");
        }

        JsonElement current = document.RootElement;
        foreach (string segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                throw new InvalidOperationException($"'{fromDocument}' refers to '{reference}', which does not exist.");
            }
        }

        return new SchemaNode(current, file);
    }
}
