using System.Text.Json;

namespace Juhe.Gateway.Catalog;

/// <summary>What is wrong with a request, and where.</summary>
internal sealed record ValidationProblem(string Field, string Message, bool IsTypeMismatch)
{
    /// <summary>A required member (or parameter, or form field) is absent.</summary>
    public static ValidationProblem Missing(string field) => new(field, $"field {field} is required", false);

    /// <summary>A value of the wrong JSON kind.</summary>
    public static ValidationProblem WrongType(string field, string expected, JsonElement value) =>
        new(field, $"field {(field.Length == 0 ? "(the body)" : field)} must be {Article(expected)}{expected}, not {KindOf(value)}", true);

    /// <summary>A value that cannot be read as the declared type (a query parameter or form field).</summary>
    public static ValidationProblem WrongText(string field, string expected) =>
        new(field, $"field {field} must be {Article(expected)}{expected}", true);

    private static string Article(string type) => type.Length > 0 && "aeiou".Contains(type[0], StringComparison.Ordinal) ? "an " : "a ";

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
