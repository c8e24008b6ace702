using System;
using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

// Unions: each alternative's member name, and how alternatives without a discriminator are told apart.
internal sealed partial class TypeResolver
{
    private TypeModel? DefineUnion(SchemaDocument document, string name, SchemaDef schema)
    {
        var cases = new List<UnionCaseModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["Unknown"] = "(the Unknown member)" };
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        bool discriminated = schema.DiscriminatorProperty is not null;
        foreach (SchemaDef alternative in schema.Alternatives)
        {
            string caseName = alternative.CSharpName ?? CaseName(alternative);
            if (names.TryGetValue(caseName, out string? other))
            {
                _diagnostics.Fail(document, JuheDiagnostics.DuplicateMemberName, alternative.Position, caseName, other, caseName, name);
                return null;
            }

            names.Add(caseName, caseName);
            TypeRef? type = Use(document, alternative with { CSharpName = null }, name + caseName);
            if (type is null)
            {
                return null;
            }

            if (type.Kind == TypeRefKind.Named && type.NamedKind == TypeModelKind.Union)
            {
                _diagnostics.Fail(document, JuheDiagnostics.NestedUnion, alternative.Position, name);
                return null;
            }

            EquatableArray<string> values = EquatableArray<string>.Empty;
            if (discriminated)
            {
                if (alternative.Shape != SchemaShape.Reference || type.Kind != TypeRefKind.Named || type.NamedKind != TypeModelKind.Object)
                {
                    _diagnostics.Fail(document, JuheDiagnostics.DiscriminatedAlternativeNotObject, alternative.Position, name, schema.DiscriminatorProperty!);
                    return null;
                }

                var mapped = schema.DiscriminatorMapping.Where(m => m.RefName == alternative.RefName && m.RefFile == alternative.RefFile).Select(m => m.Value).ToList();
                values = (mapped.Count > 0 ? mapped : [alternative.RefName!]).ToEquatableArray();
            }
            else
            {
                string token = ReadTokenOf(type);
                if (FindTokenClash(tokens, type, token) is { } clash)
                {
                    _diagnostics.Fail(document, JuheDiagnostics.AmbiguousUnion, alternative.Position, name, clash, caseName, token);
                    return null;
                }

                tokens.Add(token, caseName);
            }

            cases.Add(new UnionCaseModel(caseName, type with { Nullable = false }, values));
        }

        foreach (DiscriminatorCase mapping in schema.DiscriminatorMapping)
        {
            if (!schema.Alternatives.Any(a => a.RefName == mapping.RefName && a.RefFile == mapping.RefFile))
            {
                _diagnostics.Fail(document, JuheDiagnostics.DiscriminatorMappingNotAnAlternative, mapping.Position, mapping.Value, mapping.RefText);
                return null;
            }
        }

        return new TypeModel
        {
            Kind = TypeModelKind.Union,
            Namespace = document.Namespace,
            Name = name,
            Description = schema.Description,
            Cases = cases.ToEquatableArray(),
            Discriminator = schema.DiscriminatorProperty,
        };
    }

    private static string CaseName(SchemaDef alternative) => alternative.Shape switch
    {
        SchemaShape.Reference => alternative.RefName!,
        SchemaShape.String => alternative.Format == "date-time" ? "DateTimeOffset" : "String",
        SchemaShape.Integer => alternative.Format == "int64" ? "Int64" : "Int32",
        SchemaShape.Number => "Double",
        SchemaShape.Boolean => "Boolean",
        SchemaShape.Array => CaseName(alternative.Items!) + "List",
        SchemaShape.Dictionary => CaseName(alternative.Items!) + "Map",
        SchemaShape.Enum => "Enum",
        SchemaShape.Object when alternative.Properties.IsEmpty => "Json",
        SchemaShape.Object => "Object",
        _ => "Json",
    };

    private const string ArrayTokenPrefix = "array of ";
    private const string AnyArrayToken = ArrayTokenPrefix + "any";

    /// <summary>What an alternative without a discriminator is recognised by: its JSON token kind; for arrays, also the kind of their items (string[] | int[] | int[][]).</summary>
    private static string ReadTokenOf(TypeRef type) => type.Kind == TypeRefKind.List ? ArrayTokenPrefix + TokenOf(type.Item!) : TokenOf(type);

    /// <summary>
    /// The earlier alternative that reads the same JSON as one recognised by <paramref name="token"/>, or null.
    /// An array of any JSON would take every array, so it clashes with any other array alternative.
    /// </summary>
    private static string? FindTokenClash(Dictionary<string, string> tokens, TypeRef type, string token)
    {
        if (tokens.TryGetValue(token, out string? sameToken))
        {
            return sameToken;
        }

        if (type.Kind != TypeRefKind.List)
        {
            return null;
        }

        if (tokens.TryGetValue(AnyArrayToken, out string? earlierAnyArray))
        {
            return earlierAnyArray;
        }

        bool isAnyArray = token == AnyArrayToken;
        string? earlierArray = tokens.Keys.FirstOrDefault(k => k.StartsWith(ArrayTokenPrefix, StringComparison.Ordinal));
        return isAnyArray && earlierArray is not null ? tokens[earlierArray] : null;
    }

    /// <summary>The kind of JSON token an alternative is read from, for unions without a discriminator.</summary>
    private static string TokenOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.DateTimeOffset => "string",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => "number",
        TypeRefKind.Boolean => "boolean",
        TypeRefKind.List => "array",
        TypeRefKind.Dictionary => "object",
        TypeRefKind.Named => type.NamedKind == TypeModelKind.Enum ? "string" : "object",
        _ => "any",
    };

}
