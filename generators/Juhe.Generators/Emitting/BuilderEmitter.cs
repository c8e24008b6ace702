using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits the fluent builder of a request-body type and its <c>CreateBuilder</c> entry point.</summary>
internal static class BuilderEmitter
{
    public static string Emit(TypeModel type)
    {
        string builder = type.Name + "Builder";
        PropertyModel[] required = type.Properties.Where(p => p.Required).ToArray();
        var w = new CodeWriter();
        w.Line("namespace " + type.Namespace + ";");
        w.Line();
        w.Open("public sealed partial class " + type.Name);
        w.Summary("Starts a <see cref=\"" + builder + "\"/> with the required members set.");
        var parameters = new List<string>();
        foreach (PropertyModel property in required)
        {
            string parameter = Naming.ToCamelCase(property.Name);
            w.Param(parameter, CodeWriter.Doc(property.Description, "The <c>" + CodeWriter.Xml(property.JsonName) + "</c> member."));
            parameters.Add(TypeNames.Of(TypeNames.PropertyType(property)) + " " + parameter);
        }

        w.Line("/// <returns>A builder; finish it with <see cref=\"" + builder + ".Build\"/>.</returns>");
        string chain = string.Concat(required.Select(p => ".With" + p.Name + "(" + Naming.ToCamelCase(p.Name) + ")"));
        w.Line("public static " + builder + " CreateBuilder(" + string.Join(", ", parameters) + ") => new " + builder + "()" + chain + ";");
        w.Close();
        w.Line();

        w.Summary("Builds a <see cref=\"" + type.Name + "\"/> step by step; <see cref=\"Build\"/> checks that every required member was set.");
        w.GeneratedCode();
        w.Open("public sealed partial class " + builder);
        foreach (PropertyModel property in type.Properties)
        {
            w.Line("private " + TypeNames.Of(property.Type with { Nullable = true }) + " " + Field(property) + ";");
            if (property.Required && property.Type.Nullable)
            {
                w.Line("private bool " + Field(property) + "Set;");
            }
        }

        w.Line("private " + TypeNames.ExtensionBagImpl + "? _additionalProperties;");
        foreach (PropertyModel property in type.Properties)
        {
            TypeRef parameterType = TypeNames.PropertyType(property);
            w.Line();
            w.Summary("Sets <see cref=\"" + type.Name + "." + property.Name + "\"/>.");
            w.Param("value", CodeWriter.Doc(property.Description, "The <c>" + CodeWriter.Xml(property.JsonName) + "</c> member."));
            w.Line("/// <returns>This builder.</returns>");
            w.Open("public " + builder + " With" + property.Name + "(" + TypeNames.Of(parameterType) + " value)");
            if (!parameterType.Nullable && !parameterType.IsValueType)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
            }

            if (property.Type.Kind == TypeRefKind.List)
            {
                // A copy, so that Add… works even when the caller passed an array.
                string copy = "new " + TypeNames.Concrete(property.Type) + "(value)";
                w.Line(Field(property) + " = " + (parameterType.Nullable ? "value is null ? null : " + copy : copy) + ";");
            }
            else
            {
                w.Line(Field(property) + " = value;");
            }

            if (property.Required && property.Type.Nullable)
            {
                w.Line(Field(property) + "Set = true;");
            }

            w.Line("return this;");
            w.Close();

            if (property.Type.Kind == TypeRefKind.List)
            {
                string item = Naming.Singular(property.Name);
                w.Line();
                w.Summary("Adds one item to <see cref=\"" + type.Name + "." + property.Name + "\"/>.");
                w.Param("item", "The item to add.");
                w.Line("/// <returns>This builder.</returns>");
                w.Open("public " + builder + " Add" + item + "(" + TypeNames.Of(property.Type.Item!) + " item)");
                w.Line("(" + Field(property) + " ??= new " + TypeNames.Concrete(property.Type) + "()).Add(item);");
                if (property.Required && property.Type.Nullable)
                {
                    w.Line(Field(property) + "Set = true;");
                }

                w.Line("return this;");
                w.Close();
            }
        }

        w.Line();
        w.Summary("Sets a member the schema does not declare (a gateway- or model-specific extra).");
        w.Param("name", "The JSON member name.");
        w.Param("value", "The JSON value.");
        w.Line("/// <returns>This builder.</returns>");
        w.Open("public " + builder + " WithAdditionalProperty(string name, " + TypeNames.JsonElement + " value)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(name);");
        w.Line("(_additionalProperties ??= new " + TypeNames.ExtensionBagImpl + "())[name] = value;");
        w.Line("return this;");
        w.Close();

        w.Line();
        w.Summary("Creates the <see cref=\"" + type.Name + "\"/>.");
        w.Line("/// <returns>The built value.</returns>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">A required member was not set; the message names each one.</exception>");
        w.Open("public " + type.FullName + " Build()");
        if (required.Length > 0)
        {
            w.Line("var missing = new global::System.Collections.Generic.List<string>();");
            foreach (PropertyModel property in required)
            {
                string condition = property.Type.Nullable ? "!" + Field(property) + "Set" : Field(property) + " is null";
                string how = "With" + property.Name + (property.Type.Kind == TypeRefKind.List ? " or Add" + Naming.Singular(property.Name) : string.Empty);
                w.Open("if (" + condition + ")");
                w.Line("missing.Add(" + CodeWriter.Literal(property.JsonName + " (" + how + ")") + ");");
                w.Close();
                w.Line();
            }

            w.Open("if (missing.Count > 0)");
            w.Line("throw new global::System.InvalidOperationException(" + CodeWriter.Literal("Cannot build " + type.Name + ": the required member(s) ") + " + string.Join(\", \", missing) + \" are not set.\");");
            w.Close();
            w.Line();
        }

        w.Line("return new " + type.FullName);
        w.Line("{");
        foreach (PropertyModel property in type.Properties)
        {
            string value = Field(property);
            if (property.Required && !property.Type.Nullable)
            {
                value += property.Type.IsValueType ? ".GetValueOrDefault()" : "!";
            }

            w.Line("    " + property.Name + " = " + value + ",");
        }

        w.Line("    AdditionalProperties = _additionalProperties,");
        w.Line("};");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string Field(PropertyModel property) => "_" + Naming.ToCamelCase(property.Name).TrimStart('@');
}
