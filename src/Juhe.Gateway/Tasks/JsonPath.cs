using System.Text.Json.Nodes;

namespace Juhe.Gateway.Tasks;

/// <summary>The dotted member paths of <c>x-juhe-task</c> (<c>data.task_id</c>) applied to a generated answer.</summary>
internal static class JsonPath
{
    /// <summary>Sets the member at <paramref name="path"/>, creating the objects on the way that are missing.</summary>
    public static void Set(JsonNode? root, string path, JsonNode? value)
    {
        if (root is not JsonObject current)
        {
            return;
        }

        string[] names = path.Split('.');
        for (int i = 0; i < names.Length - 1; i++)
        {
            JsonNode? next = current[names[i]];
            if (next is JsonArray array && array.Count > 0)
            {
                next = array[0]; // a list of results: the first one carries the task's fields
            }

            if (next is not JsonObject child)
            {
                child = new JsonObject();
                current[names[i]] = child;
            }

            current = child;
        }

        current[names[^1]] = value;
    }

    /// <summary>The member at <paramref name="path"/>, or <see langword="null"/>.</summary>
    public static JsonNode? Get(JsonNode? root, string path)
    {
        JsonNode? current = root;
        foreach (string name in path.Split('.'))
        {
            current = current is JsonArray { Count: > 0 } array ? array[0] : current;
            current = current is JsonObject obj ? obj[name] : null;
        }

        return current;
    }
}
