namespace Juhe.Generators.Parsing;

/// <summary>Which form of the OpenAPI schema subset a <see cref="SchemaDef"/> was written in.</summary>
internal enum SchemaShape
{
    /// <summary>An empty schema <c>{}</c>: any JSON.</summary>
    Any,
    Object,
    Dictionary,
    Array,
    String,
    Integer,
    Number,
    Boolean,
    Enum,
    OneOf,
    Reference,
}
