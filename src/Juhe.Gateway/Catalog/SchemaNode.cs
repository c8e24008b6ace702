using System.Text.Json;

namespace Juhe.Gateway.Catalog;

/// <summary>A schema object and the file it was read from, which its relative <c>$ref</c>s resolve against.</summary>
internal readonly record struct SchemaNode(JsonElement Element, string Document)
{
    /// <summary>A member of the schema object, if it is an object and has it.</summary>
    public bool TryGet(string name, out JsonElement value)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A string member, or <see langword="null"/>.</summary>
    public string? GetString(string name) =>
        TryGet(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A member that is itself a schema, in the same document.</summary>
    public SchemaNode? Child(string name) => TryGet(name, out JsonElement value) ? new SchemaNode(value, Document) : null;
}
