using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>
/// Emits the <c>JsonConverter&lt;T&gt;</c> of a generated type: reads with <c>Utf8JsonReader</c>,
/// matching member names on UTF-8 bytes and keeping unknown members; writes with pre-encoded names.
/// </summary>
internal static class ConverterEmitter
{
    private static readonly HashSet<string> ReservedLocals = new(System.StringComparer.Ordinal)
        { "reader", "writer", "options", "value", "typeToConvert", "additionalProperties", "name", "result" };

    public static string Emit(TypeModel type)
    {
        var w = new CodeWriter();
        w.Line("namespace " + type.Namespace + ";");
        w.Line();
        w.Summary("Reads and writes <see cref=\"" + type.Name + "\"/> as JSON without reflection.");
        w.GeneratedCode();
        w.Open("internal sealed class " + type.Name + "JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + type.FullName + ">");
        w.Summary("The shared instance; the converter holds no state.");
        w.Line("public static " + type.Name + "JsonConverter Instance { get; } = new();");
        w.Line();
        switch (type.Kind)
        {
            case TypeModelKind.Object:
                EmitObject(w, type);
                break;
            case TypeModelKind.Enum:
                EmitEnum(w, type);
                break;
            default:
                EmitUnion(w, type);
                break;
        }

        w.Close();
        return w.ToString();
    }

    private static string ReadSignature(TypeModel type)
        => "public override " + type.FullName + " Read(ref " + TypeNames.Reader + " reader, global::System.Type typeToConvert, " + TypeNames.Options + " options)";

    private static string WriteSignature(TypeModel type)
        => "public override void Write(" + TypeNames.Writer + " writer, " + type.FullName + " value, " + TypeNames.Options + " options)";

    private static string Local(PropertyModel property)
    {
        string name = Naming.ToCamelCase(property.Name);
        return ReservedLocals.Contains(name) || name.StartsWith("@", System.StringComparison.Ordinal) || name.StartsWith("_", System.StringComparison.Ordinal)
            ? name.TrimStart('@', '_') + "Value"
            : name;
    }

    private static string HasFlag(PropertyModel property) => "has" + property.Name.TrimStart('_');

    private static void EmitObject(CodeWriter w, TypeModel type)
    {
        foreach (PropertyModel property in type.Properties)
        {
            w.Line("private static readonly global::System.Text.Json.JsonEncodedText " + property.Name + "Name = global::System.Text.Json.JsonEncodedText.Encode(" + CodeWriter.Literal(property.JsonName) + ");");
        }

        if (!type.Properties.IsEmpty)
        {
            w.Line();
        }

        w.Line("/// <inheritdoc/>");
        w.Open(ReadSignature(type));
        w.Open("if (reader.TokenType != " + TypeNames.JsonTokenType + ".StartObject)");
        w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("Expected a JSON object for " + type.Name + ", found ") + " + reader.TokenType + \".\");");
        w.Close();
        w.Line();
        foreach (PropertyModel property in type.Properties)
        {
            TypeRef propertyType = TypeNames.PropertyType(property);
            w.Line(TypeNames.Of(propertyType) + " " + Local(property) + " = default" + (propertyType.Nullable || propertyType.IsValueType ? string.Empty : "!") + ";");
            if (property.Required)
            {
                w.Line("bool " + HasFlag(property) + " = false;");
            }
        }

        w.Line(TypeNames.ExtensionBagImpl + "? additionalProperties = null;");
        w.Open("while (reader.Read() && reader.TokenType != " + TypeNames.JsonTokenType + ".EndObject)");
        string keyword = "if";
        foreach (PropertyModel property in type.Properties)
        {
            w.Open(keyword + " (reader.ValueTextEquals(" + CodeWriter.Literal(property.JsonName) + "u8))");
            w.Line("reader.Read();");
            ValueCode.Read(w, TypeNames.PropertyType(property), Local(property), "\"" + property.JsonName + "\" of " + type.Name, 0);
            if (property.Required)
            {
                w.Line(HasFlag(property) + " = true;");
            }

            w.Close();
            keyword = "else if";
        }

        if (type.Properties.IsEmpty)
        {
            EmitUnknownMember(w);
        }
        else
        {
            w.Open("else");
            EmitUnknownMember(w);
            w.Close();
        }

        w.Close();
        w.Line();
        foreach (PropertyModel property in type.Properties.Where(p => p.Required))
        {
            w.Open("if (!" + HasFlag(property) + ")");
            w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("The JSON object for " + type.Name + " has no \"" + property.JsonName + "\", which is required.") + ");");
            w.Close();
            w.Line();
        }

        w.Line("return new " + type.FullName);
        w.Line("{");
        foreach (PropertyModel property in type.Properties)
        {
            w.Line("    " + property.Name + " = " + Local(property) + ",");
        }

        w.Line("    AdditionalProperties = additionalProperties,");
        w.Line("};");
        w.Close();
        w.Line();

        w.Line("/// <inheritdoc/>");
        w.Open(WriteSignature(type));
        w.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in type.Properties)
        {
            TypeRef propertyType = TypeNames.PropertyType(property);
            string local = Local(property);
            if (!propertyType.Nullable)
            {
                w.Line("writer.WritePropertyName(" + property.Name + "Name);");
                ValueCode.Write(w, propertyType, "value." + property.Name, 0);
            }
            else if (!property.Required)
            {
                // Optional and null: the member is left out.
                w.Open("if (value." + property.Name + " is { } " + local + ")");
                w.Line("writer.WritePropertyName(" + property.Name + "Name);");
                ValueCode.Write(w, propertyType with { Nullable = false }, local, 0);
                w.Close();
                w.Line();
            }
            else
            {
                w.Line("writer.WritePropertyName(" + property.Name + "Name);");
                ValueCode.WriteMaybeNull(w, propertyType, "value." + property.Name, 0);
            }
        }

        w.Open("if (value.AdditionalProperties is { } additionalProperties)");
        ValueCode.ForEachPair(w, TypeNames.JsonElement, "additionalProperties", "additionalPropertiesDictionary", "member", () =>
        {
            w.Line("writer.WritePropertyName(member.Key);");
            w.Line("member.Value.WriteTo(writer);");
        });
        w.Close();
        w.Line();
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void EmitUnknownMember(CodeWriter w)
    {
        w.Line("string name = reader.GetString()!;");
        w.Line("reader.Read();");
        w.Line("(additionalProperties ??= new " + TypeNames.ExtensionBagImpl + "())[name] = " + TypeNames.JsonElement + ".ParseValue(ref reader);");
    }

    private static void EmitEnum(CodeWriter w, TypeModel type)
    {
        w.Line("/// <inheritdoc/>");
        w.Open(ReadSignature(type));
        w.Open("if (reader.TokenType != " + TypeNames.JsonTokenType + ".String)");
        w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("Expected a JSON string for " + type.Name + ", found ") + " + reader.TokenType + \".\");");
        w.Close();
        w.Line();
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            // Known values reuse the cached instance: reading them allocates nothing.
            w.Open("if (reader.ValueTextEquals(" + CodeWriter.Literal(member.Value) + "u8))");
            w.Line("return " + type.FullName + "." + member.Name + ";");
            w.Close();
            w.Line();
        }

        w.Line("return new " + type.FullName + "(reader.GetString()!);");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(WriteSignature(type) + " => writer.WriteStringValue(value.Value);");
    }

    private static void EmitUnion(CodeWriter w, TypeModel type)
    {
        w.Line("/// <inheritdoc/>");
        w.Open(ReadSignature(type));
        if (type.Discriminator is not null)
        {
            EmitDiscriminatedRead(w, type);
        }
        else
        {
            EmitTokenRead(w, type);
        }

        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open(WriteSignature(type));
        foreach (UnionCaseModel unionCase in type.Cases)
        {
            w.Open("if (value." + unionCase.Name + " is { } " + Naming.ToCamelCase(unionCase.Name).TrimStart('@') + "Case)");
            ValueCode.Write(w, unionCase.Type, Naming.ToCamelCase(unionCase.Name).TrimStart('@') + "Case", 0);
            w.Line("return;");
            w.Close();
            w.Line();
        }

        if (type.Discriminator is not null)
        {
            w.Open("if (value.Unknown is { } unknown)");
            w.Line("unknown.WriteTo(writer);");
            w.Line("return;");
            w.Close();
            w.Line();
        }

        w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("The " + type.Name + " has no value set.") + ");");
        w.Close();
    }

    private static void EmitDiscriminatedRead(CodeWriter w, TypeModel type)
    {
        w.Open("if (reader.TokenType != " + TypeNames.JsonTokenType + ".StartObject)");
        w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("Expected a JSON object for " + type.Name + ", found ") + " + reader.TokenType + \".\");");
        w.Close();
        w.Line();
        w.Line("// Look ahead on a copy of the reader for the discriminator, then read the whole object with the chosen converter.");
        w.Line(TypeNames.Reader + " probe = reader;");
        w.Line("int alternative = -1;");
        w.Open("while (probe.Read() && probe.TokenType == " + TypeNames.JsonTokenType + ".PropertyName)");
        w.Open("if (probe.ValueTextEquals(" + CodeWriter.Literal(type.Discriminator!) + "u8))");
        w.Line("probe.Read();");
        string keyword = "if";
        for (int i = 0; i < type.Cases.Count; i++)
        {
            foreach (string value in type.Cases[i].DiscriminatorValues)
            {
                w.Open(keyword + " (probe.TokenType == " + TypeNames.JsonTokenType + ".String && probe.ValueTextEquals(" + CodeWriter.Literal(value) + "u8))");
                w.Line("alternative = " + i + ";");
                w.Close();
                keyword = "else if";
            }
        }

        w.Line();
        w.Line("break;");
        w.Close();
        w.Line();
        w.Line("probe.Read();");
        w.Open("if (!probe.TrySkip())");
        w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("The JSON object for " + type.Name + " is incomplete.") + ");");
        w.Close();
        w.Close();
        w.Line();
        w.Open("switch (alternative)");
        for (int i = 0; i < type.Cases.Count; i++)
        {
            UnionCaseModel unionCase = type.Cases[i];
            w.Line("case " + i + ":");
            w.Line("    return new " + type.FullName + "(" + unionCase.Type.ConverterFullName + ".Instance.Read(ref reader, typeof(" + unionCase.Type.FullName + "), options));");
        }

        w.Line("default:");
        w.Line("    return new " + type.FullName + "(" + TypeNames.JsonElement + ".ParseValue(ref reader), isUnknown: true);");
        w.Close();
    }

    private static void EmitTokenRead(CodeWriter w, TypeModel type)
    {
        UnionCaseModel? any = type.Cases.FirstOrDefault(c => c.Type.Kind == TypeRefKind.Json);
        w.Open("switch (reader.TokenType)");
        UnionCaseModel[] arrays = type.Cases.Where(c => c.Type.Kind == TypeRefKind.List).ToArray();
        if (arrays.Length > 1)
        {
            EmitArraysByFirstItem(w, type, arrays);
        }

        foreach (UnionCaseModel unionCase in type.Cases.Where(c => c.Type.Kind != TypeRefKind.Json && (arrays.Length < 2 || c.Type.Kind != TypeRefKind.List)))
        {
            foreach (string token in Tokens(unionCase.Type))
            {
                w.Line("case " + TypeNames.JsonTokenType + "." + token + ":");
            }

            w.OpenBlock();
            w.Line(TypeNames.Of(unionCase.Type) + " " + "alternative;");
            ValueCode.ReadNonNull(w, unionCase.Type, "alternative", type.Name, 0);
            w.Line("return new " + type.FullName + "(alternative);");
            w.Close();
        }

        w.Line("default:");
        if (any is not null)
        {
            w.Line("    return new " + type.FullName + "(" + TypeNames.JsonElement + ".ParseValue(ref reader));");
        }
        else
        {
            string expected = string.Join(" or ", type.Cases.Select(c => TypeNames.JsonDescription(c.Type)).Distinct());
            w.Line("    throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("Expected " + expected + " for " + type.Name + ", found ") + " + reader.TokenType + \".\");");
        }

        w.Close();
    }

    /// <summary>Several array alternatives: the first item's kind decides; an empty array reads as the first of them.</summary>
    private static void EmitArraysByFirstItem(CodeWriter w, TypeModel type, UnionCaseModel[] arrays)
    {
        w.Line("case " + TypeNames.JsonTokenType + ".StartArray:");
        w.OpenBlock();
        w.Line(TypeNames.Reader + " probe = reader;");
        w.Line("probe.Read();");
        string keyword = "if";
        for (int i = 0; i < arrays.Length; i++)
        {
            UnionCaseModel unionCase = arrays[i];
            var tokens = Tokens(unionCase.Type.Item!).ToList();
            if (i == 0)
            {
                tokens.Insert(0, "EndArray");
            }

            string condition = unionCase.Type.Item!.Kind == TypeRefKind.Json
                ? "true"
                : string.Join(" || ", tokens.Select(t => "probe.TokenType == " + TypeNames.JsonTokenType + "." + t));
            w.Open(keyword + " (" + condition + ")");
            w.Line(TypeNames.Of(unionCase.Type) + " " + "alternative;");
            ValueCode.ReadNonNull(w, unionCase.Type, "alternative", type.Name, 0);
            w.Line("return new " + type.FullName + "(alternative);");
            w.Close();
            keyword = "else if";
        }

        w.Line();
        string expected = string.Join(" or ", arrays.Select(c => "an array of " + TypeNames.JsonDescription(c.Type.Item!)));
        w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("Expected " + expected + " for " + type.Name + ", found an array starting with ") + " + probe.TokenType + \".\");");
        w.Close();
    }

    private static string[] Tokens(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.DateTimeOffset => ["String"],
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => ["Number"],
        TypeRefKind.Boolean => ["True", "False"],
        TypeRefKind.List => ["StartArray"],
        TypeRefKind.Named when type.NamedKind == TypeModelKind.Enum => ["String"],
        _ => ["StartObject"],
    };
}
