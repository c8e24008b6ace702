using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>The C# spelling of model types. Generated code always uses <c>global::</c> names.</summary>
internal static class TypeNames
{
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonException = "global::System.Text.Json.JsonException";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string JuheFile = "global::Juhe.Http.JuheFile";
    public const string Options = "global::System.Text.Json.JsonSerializerOptions";
    public const string ExtensionBag = "global::System.Collections.Generic.IDictionary<string, " + JsonElement + ">";
    public const string ExtensionBagImpl = "global::System.Collections.Generic.Dictionary<string, " + JsonElement + ">";

    /// <summary>The C# type for <paramref name="type"/>, with <c>?</c> when JSON null is allowed.</summary>
    public static string Of(TypeRef type) => NonNull(type) + (type.Nullable ? "?" : string.Empty);

    public static string NonNull(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "string",
        TypeRefKind.Int32 => "int",
        TypeRefKind.Int64 => "long",
        TypeRefKind.Double => "double",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeRefKind.Json => JsonElement,
        TypeRefKind.Named => type.FullName!,
        TypeRefKind.File => JuheFile,
        TypeRefKind.List => "global::System.Collections.Generic.IList<" + Of(type.Item!) + ">",
        _ => "global::System.Collections.Generic.IDictionary<string, " + Of(type.Item!) + ">",
    };

    /// <summary>The concrete collection type created when reading or building a list or dictionary.</summary>
    public static string Concrete(TypeRef type) => type.Kind switch
    {
        TypeRefKind.List => "global::System.Collections.Generic.List<" + Of(type.Item!) + ">",
        TypeRefKind.Dictionary => "global::System.Collections.Generic.Dictionary<string, " + Of(type.Item!) + ">",
        _ => NonNull(type),
    };

    /// <summary>The type of a property: nullable unless it is required and JSON null is not allowed.</summary>
    public static TypeRef PropertyType(PropertyModel property)
        => property.Required && !property.Type.Nullable ? property.Type : property.Type with { Nullable = true };

    /// <summary>How a value of the type is described in error messages.</summary>
    public static string JsonDescription(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.DateTimeOffset => "a string",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => "a number",
        TypeRefKind.Boolean => "true or false",
        TypeRefKind.List => "an array",
        TypeRefKind.Dictionary => "an object",
        TypeRefKind.Named => type.NamedKind == TypeModelKind.Enum ? "a string" : type.NamedKind == TypeModelKind.Object ? "an object" : "a value",
        _ => "a value",
    };
}
