using System.Linq;
using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits the C# declaration of a generated type: a DTO class, an extensible string enum, or a union.</summary>
internal static class TypeEmitter
{
    public static string Emit(TypeModel type) => type.Kind switch
    {
        TypeModelKind.Object => EmitObject(type),
        TypeModelKind.Enum => EmitEnum(type),
        _ => EmitUnion(type),
    };

    private static string EmitObject(TypeModel type)
    {
        var w = new CodeWriter();
        w.Line("namespace " + type.Namespace + ";");
        w.Line();
        w.Summary(CodeWriter.Doc(type.Description, "The <c>" + type.Name + "</c> object."));
        w.GeneratedCode();
        w.Open("public sealed partial class " + type.Name);
        foreach (PropertyModel property in type.Properties)
        {
            w.Summary(CodeWriter.Doc(property.Description, "The <c>" + CodeWriter.Xml(property.JsonName) + "</c> member."));
            string required = property.Required ? "required " : string.Empty;
            w.Line("public " + required + TypeNames.Of(TypeNames.PropertyType(property)) + " " + property.Name + " { get; set; }");
            w.Line();
        }

        w.Summary("Members of the JSON object that this type does not declare, kept as JSON and written back when the object is serialized.");
        w.Line("public " + TypeNames.ExtensionBag + "? AdditionalProperties { get; set; }");
        w.Close();
        return w.ToString();
    }

    private static string EmitEnum(TypeModel type)
    {
        var w = new CodeWriter();
        w.Line("namespace " + type.Namespace + ";");
        w.Line();
        w.Summary(CodeWriter.Doc(type.Description, "The <c>" + type.Name + "</c> value.")
            + "\nAn extensible string enum: values this version does not list are accepted and kept as they are.");
        w.GeneratedCode();
        w.Open("public readonly partial struct " + type.Name + " : global::System.IEquatable<" + type.Name + ">");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Summary("Creates a value from its JSON text.");
        w.Param("value", "The value as the API spells it.");
        w.Open("public " + type.Name + "(string value)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        w.Line("_value = value;");
        w.Close();
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            w.Line();
            w.Summary("The value <c>" + CodeWriter.Xml(member.Value) + "</c>.");
            w.Line("public static " + type.Name + " " + member.Name + " { get; } = new(" + CodeWriter.Literal(member.Value) + ");");
        }

        w.Line();
        w.Summary("The value as the API spells it (empty for <see langword=\"default\"/>).");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.Summary("Wraps a string as a value.");
        w.Line("public static implicit operator " + type.Name + "(string value) => new(value);");
        w.Line();
        w.Summary("Whether two values are the same text (ordinal comparison).");
        w.Line("public static bool operator ==(" + type.Name + " left, " + type.Name + " right) => left.Equals(right);");
        w.Line();
        w.Summary("Whether two values differ (ordinal comparison).");
        w.Line("public static bool operator !=(" + type.Name + " left, " + type.Name + " right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public bool Equals(" + type.Name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override bool Equals(object? obj) => obj is " + type.Name + " other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override string ToString() => Value;");
        w.Close();
        return w.ToString();
    }

    private static string EmitUnion(TypeModel type)
    {
        var w = new CodeWriter();
        bool discriminated = type.Discriminator is not null;
        w.Line("namespace " + type.Namespace + ";");
        w.Line();
        string description = CodeWriter.Doc(type.Description, "The <c>" + type.Name + "</c> value.");
        description += discriminated
            ? "\nOne of: " + string.Join(", ", type.Cases.Select(c => c.Name)) + ", selected by the <c>" + CodeWriter.Xml(type.Discriminator!) + "</c> member; an object with a value this version does not know is kept in <see cref=\"Unknown\"/>."
            : "\nOne of: " + string.Join(", ", type.Cases.Select(c => c.Name)) + "; exactly one member is set.";
        w.Summary(description);
        w.GeneratedCode();
        w.Open("public sealed partial class " + type.Name);
        foreach (UnionCaseModel unionCase in type.Cases)
        {
            w.Summary("Creates the value from " + Article(unionCase) + ".");
            w.Param("value", "The alternative's value.");
            w.Open("public " + type.Name + "(" + TypeNames.Of(unionCase.Type) + " value)");
            if (!unionCase.Type.IsValueType)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
            }

            w.Line(unionCase.Name + " = value;");
            w.Close();
            w.Line();
        }

        if (discriminated)
        {
            w.Open("internal " + type.Name + "(" + TypeNames.JsonElement + " unknown, bool isUnknown)");
            w.Line("_ = isUnknown;");
            w.Line("Unknown = unknown;");
            w.Close();
            w.Line();
        }

        foreach (UnionCaseModel unionCase in type.Cases)
        {
            w.Summary("The value when it is " + Article(unionCase) + "; otherwise <see langword=\"null\"/>.");
            w.Line("public " + TypeNames.Of(unionCase.Type with { Nullable = true }) + " " + unionCase.Name + " { get; }");
            w.Line();
        }

        if (discriminated)
        {
            w.Summary("An object whose <c>" + CodeWriter.Xml(type.Discriminator!) + "</c> this version does not know, kept as JSON and written back unchanged.");
            w.Line("public " + TypeNames.JsonElement + "? Unknown { get; }");
            w.Line();
        }

        bool first = true;
        foreach (UnionCaseModel unionCase in type.Cases)
        {
            foreach (string source in ConversionSources(unionCase.Type))
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                w.Summary("Wraps " + Article(unionCase) + ".");
                w.Line("public static implicit operator " + type.Name + "(" + source + " value) => new(value);");
            }
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>The types a union converts from implicitly (C# allows no conversion from an interface, so lists convert from List and arrays).</summary>
    private static string[] ConversionSources(TypeRef type) => type.Kind switch
    {
        TypeRefKind.List => [TypeNames.Concrete(type), TypeNames.Of(type.Item!) + "[]"],
        TypeRefKind.Dictionary => [TypeNames.Concrete(type)],
        _ => [TypeNames.Of(type)],
    };

    private static string Article(UnionCaseModel unionCase) => "<see cref=\"" + unionCase.Name + "\"/>";
}
