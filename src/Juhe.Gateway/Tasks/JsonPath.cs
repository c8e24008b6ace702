using System.Text.Json.Nodes;

namespace Juhe.Gateway.Tasks;

/// <summary>
/// The dotted member paths of <c>x-juhe-task</c> (<c>data.task_id</c>) applied to a generated answer.
/// A member written <c>name[]</c> is a list whose items the rest of the path walks
/// (<c>data.task_result.videos[].url</c>).
/// </summary>
internal static class JsonPath
{
    private const string Items = "[]";

    /// <summary>
    /// Sets the member at <paramref name="path"/> in every item of the lists on the way, creating the
    /// objects and lists that are missing (a missing list gets one item).
    /// </summary>
    public static void Set(JsonNode? root, string path, JsonNode? value) => Set(root as JsonObject, path.Split('.'), 0, value);

    /// <summary>
    /// Clears what <paramref name="path"/> leads to, where it is there: the list a <c>[]</c> member
    /// names is emptied (there are no results yet), else the last member is set to <c>null</c>.
    /// </summary>
    public static void Clear(JsonNode? root, string path)
    {
        JsonNode? current = root;
        string[] names = path.Split('.');
        for (int i = 0; i < names.Length; i++)
        {
            if (current is not JsonObject owner)
            {
                return;
            }

            if (names[i].EndsWith(Items, StringComparison.Ordinal))
            {
                string list = names[i][..^Items.Length];
                if (owner.ContainsKey(list))
                {
                    owner[list] = new JsonArray();
                }

                return;
            }

            if (i == names.Length - 1)
            {
                if (owner.ContainsKey(names[i]))
                {
                    owner[names[i]] = null;
                }

                return;
            }

            current = FirstItem(owner[names[i]]);
        }
    }

    /// <summary>The member at <paramref name="path"/> (in the first item of each list), or <see langword="null"/>.</summary>
    public static JsonNode? Get(JsonNode? root, string path)
    {
        JsonNode? current = root;
        foreach (string name in path.Split('.'))
        {
            current = FirstItem(current);
            current = current is JsonObject obj ? obj[name.EndsWith(Items, StringComparison.Ordinal) ? name[..^Items.Length] : name] : null;
        }

        return current;
    }

    private static void Set(JsonObject? current, string[] names, int index, JsonNode? value)
    {
        if (current is null)
        {
            return;
        }

        string name = names[index];
        if (index == names.Length - 1)
        {
            current[name] = value?.DeepClone();
            return;
        }

        if (name.EndsWith(Items, StringComparison.Ordinal))
        {
            name = name[..^Items.Length];
            if (current[name] is not JsonArray { Count: > 0 } list)
            {
                list = new JsonArray(new JsonObject()); // not a collection expression: that calls the generic Add<T>, which is not AOT-safe
                current[name] = list;
            }

            foreach (JsonNode? item in list)
            {
                Set(item as JsonObject, names, index + 1, value);
            }

            return;
        }

        // A list met without [] stands for its first item: the one that carries the task's fields.
        if (FirstItem(current[name]) is not JsonObject child)
        {
            child = new JsonObject();
            current[name] = child;
        }

        Set(child, names, index + 1, value);
    }

    private static JsonNode? FirstItem(JsonNode? node) => node is JsonArray { Count: > 0 } array ? array[0] : node;
}
