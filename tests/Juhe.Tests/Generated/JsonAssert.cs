using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Juhe.Tests.Generated;

/// <summary>Semantic JSON comparison (member order, whitespace and escaping do not matter).</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        JsonNode? expectedNode = JsonNode.Parse(expected);
        JsonNode? actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"JSON differs.\nExpected: {Compact(expectedNode)}\nActual:   {Compact(actualNode)}");
    }

    /// <summary>
    /// The JSON with every object member whose value is <c>null</c> removed: the generated types
    /// (like System.Text.Json with <c>WhenWritingNull</c>) read an explicit null of an optional member
    /// as "not set" and leave it out when writing, which the gateway reads the same way.
    /// </summary>
    public static string WithoutNullMembers(string json)
    {
        JsonNode node = JsonNode.Parse(json)!;
        RemoveNullMembers(node);
        return node.ToJsonString();
    }

    /// <summary>Reads <paramref name="json"/> with the generated metadata and writes it back.</summary>
    public static string RoundTrip<T>(string json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);

    private static void RemoveNullMembers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string name in obj.Where(m => m.Value is null).Select(m => m.Key).ToList())
                {
                    obj.Remove(name);
                }

                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    RemoveNullMembers(member.Value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    RemoveNullMembers(item);
                }

                break;
        }
    }

    private static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";
}
