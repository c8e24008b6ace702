using Juhe.Generators.Diagnostics;
using Juhe.Generators.Model;

namespace Juhe.Generators.Parsing;

// The parsing stage's output: one schema file as equatable data, still in OpenAPI terms
// (references unresolved, names as written). Positions point into the file for later diagnostics.

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

internal sealed record SchemaDocument(
    string FilePath,
    string FileName,
    string Namespace,
    string Auth,
    EquatableArray<NamedSchema> Schemas,
    EquatableArray<OperationDef> Operations,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether the file produced an error: then nothing is generated from it.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (DiagnosticInfo diagnostic in Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

internal sealed record NamedSchema(string Name, SchemaDef Schema, TextPosition Position);

internal sealed record SchemaDef(SchemaShape Shape, TextPosition Position)
{
    public bool Nullable { get; init; }

    public string? Description { get; init; }

    public string? Format { get; init; }

    /// <summary>The C# name given with <c>x-juhe-name</c> (an inline type's name, or a union alternative's member name).</summary>
    public string? CSharpName { get; init; }

    public EquatableArray<PropertyDef> Properties { get; init; } = EquatableArray<PropertyDef>.Empty;

    /// <summary>Array items or dictionary values.</summary>
    public SchemaDef? Items { get; init; }

    public EquatableArray<string> EnumValues { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> EnumNames { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<SchemaDef> Alternatives { get; init; } = EquatableArray<SchemaDef>.Empty;

    public string? DiscriminatorProperty { get; init; }

    public EquatableArray<DiscriminatorCase> DiscriminatorMapping { get; init; } = EquatableArray<DiscriminatorCase>.Empty;

    /// <summary>For <see cref="SchemaShape.Reference"/>: the file name holding the target (this file's name for local refs).</summary>
    public string? RefFile { get; init; }

    /// <summary>For <see cref="SchemaShape.Reference"/>: the component name.</summary>
    public string? RefName { get; init; }

    /// <summary>For <see cref="SchemaShape.Reference"/>: the reference as written, for messages.</summary>
    public string? RefText { get; init; }
}

internal sealed record PropertyDef(string JsonName, string? CSharpName, bool Required, SchemaDef Schema, TextPosition Position);

internal sealed record DiscriminatorCase(string Value, string RefFile, string RefName, string RefText, TextPosition Position);

internal sealed record ParameterDef(string Name, string In, string? CSharpName, bool Required, string? Description, SchemaDef Schema, TextPosition Position);

internal sealed record StreamDef(string Kind, string MethodName, string? Flag, TextPosition Position);

internal sealed record TaskDef(
    string Poll,
    string IdPath,
    string StatusPath,
    string? ResultPath,
    EquatableArray<string> Queued,
    EquatableArray<string> Running,
    EquatableArray<string> Succeeded,
    EquatableArray<string> Failed,
    EquatableArray<string> Cancelled,
    TextPosition Position);

internal sealed record OperationDef(
    string OperationId,
    string HttpMethod,
    string Path,
    string Client,
    string Method,
    string Auth,
    string? Summary,
    string? Description,
    EquatableArray<ParameterDef> Parameters,
    string? BodyContentType,
    SchemaDef? Body,
    SchemaDef? JsonResponse,
    bool BinaryResponse,
    StreamDef? Stream,
    TaskDef? Task,
    TextPosition Position);
