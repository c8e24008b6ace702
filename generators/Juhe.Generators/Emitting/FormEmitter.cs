using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>
/// Emits a multipart form: the class (files as <c>JuheFile</c>, lists as <c>IReadOnlyList</c>), its
/// <c>ToMultipartBody()</c>, and its builder. Not JSON: forms have no converter and no context entry.
/// </summary>
internal static class FormEmitter
{
    private const string MultipartBody = "global::Juhe.Http.JuheMultipartBody";

    public static string EmitForm(FormModel form)
    {
        var w = new CodeWriter();
        w.Line("namespace " + form.Namespace + ";");
        w.Line();
        w.Summary(CodeWriter.Doc(form.Description, "The <c>" + form.Name + "</c> form.") + "\nSent as <c>multipart/form-data</c>: see <see cref=\"ToMultipartBody\"/>.");
        w.GeneratedCode();
        w.Open("public sealed partial class " + form.Name);
        foreach (FormPartModel part in form.Parts)
        {
            w.Summary(PartDoc(part));
            w.Line("public " + (part.Required ? "required " : string.Empty) + PropertyType(part) + " " + part.Name + " { get; set; }");
            w.Line();
        }

        EmitCreateBuilder(w, form);
        w.Line();
        EmitToMultipartBody(w, form);
        w.Close();
        return w.ToString();
    }

    public static string EmitBuilder(FormModel form)
    {
        string builder = form.Name + "Builder";
        var w = new CodeWriter();
        w.Line("namespace " + form.Namespace + ";");
        w.Line();
        w.Summary("Builds a <see cref=\"" + form.Name + "\"/> step by step; <see cref=\"Build\"/> checks that every required part was set.");
        w.GeneratedCode();
        w.Open("public sealed partial class " + builder);
        foreach (FormPartModel part in form.Parts)
        {
            string field = part.Type.Kind == TypeRefKind.List ? TypeNames.Concrete(part.Type) + "?" : TypeNames.Of(part.Type with { Nullable = true });
            w.Line("private " + field + " " + Field(part) + ";");
        }

        foreach (FormPartModel part in form.Parts)
        {
            w.Line();
            w.Summary("Sets <see cref=\"" + form.Name + "." + part.Name + "\"/>.");
            w.Param("value", PartDoc(part));
            w.Line("/// <returns>This builder.</returns>");
            bool list = part.Type.Kind == TypeRefKind.List;
            string parameterType = list ? "global::System.Collections.Generic.IEnumerable<" + TypeNames.Of(part.Type.Item!) + ">" : TypeNames.Of(part.Type with { Nullable = false });
            w.Open("public " + builder + " With" + part.Name + "(" + parameterType + " value)");
            if (!list && part.Type.IsValueType)
            {
                w.Line(Field(part) + " = value;");
            }
            else
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
                w.Line(Field(part) + " = " + (list ? "new " + TypeNames.Concrete(part.Type) + "(value)" : "value") + ";");
            }

            w.Line("return this;");
            w.Close();
            if (list)
            {
                w.Line();
                w.Summary("Adds one item to <see cref=\"" + form.Name + "." + part.Name + "\"/> (sent as one more <c>" + CodeWriter.Xml(part.PartName) + "</c> part).");
                w.Param("item", "The item to add.");
                w.Line("/// <returns>This builder.</returns>");
                w.Open("public " + builder + " Add" + Naming.Singular(part.Name) + "(" + TypeNames.Of(part.Type.Item!) + " item)");
                if (!part.Type.Item!.IsValueType)
                {
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(item);");
                }

                w.Line("(" + Field(part) + " ??= new " + TypeNames.Concrete(part.Type) + "()).Add(item);");
                w.Line("return this;");
                w.Close();
            }
        }

        w.Line();
        w.Summary("Creates the <see cref=\"" + form.Name + "\"/>.");
        w.Line("/// <returns>The built form.</returns>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">A required part was not set; the message names each one.</exception>");
        w.Open("public " + form.FullName + " Build()");
        FormPartModel[] required = form.Parts.Where(p => p.Required).ToArray();
        if (required.Length > 0)
        {
            w.Line("var missing = new global::System.Collections.Generic.List<string>();");
            foreach (FormPartModel part in required)
            {
                w.Open("if (" + Field(part) + " is null)");
                w.Line("missing.Add(" + CodeWriter.Literal(part.PartName + " (With" + part.Name + ")") + ");");
                w.Close();
                w.Line();
            }

            w.Open("if (missing.Count > 0)");
            w.Line("throw new global::System.InvalidOperationException(" + CodeWriter.Literal("Cannot build " + form.Name + ": the required part(s) ") + " + string.Join(\", \", missing) + \" are not set.\");");
            w.Close();
            w.Line();
        }

        w.Line("return new " + form.FullName);
        w.Line("{");
        foreach (FormPartModel part in form.Parts)
        {
            string value = Field(part);
            if (part.Required)
            {
                value += part.Type.IsValueType && part.Type.Kind != TypeRefKind.List ? ".GetValueOrDefault()" : "!";
            }

            w.Line("    " + part.Name + " = " + value + ",");
        }

        w.Line("};");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitCreateBuilder(CodeWriter w, FormModel form)
    {
        string builder = form.Name + "Builder";
        FormPartModel[] required = form.Parts.Where(p => p.Required).ToArray();
        w.Summary("Starts a <see cref=\"" + builder + "\"/> with the required parts set.");
        var parameters = new List<string>();
        foreach (FormPartModel part in required)
        {
            string parameter = Naming.ToCamelCase(part.Name);
            w.Param(parameter, PartDoc(part));
            string type = part.Type.Kind == TypeRefKind.List
                ? "global::System.Collections.Generic.IEnumerable<" + TypeNames.Of(part.Type.Item!) + ">"
                : TypeNames.Of(part.Type with { Nullable = false });
            parameters.Add(type + " " + parameter);
        }

        w.Line("/// <returns>A builder; finish it with <see cref=\"" + builder + ".Build\"/>.</returns>");
        string chain = string.Concat(required.Select(p => ".With" + p.Name + "(" + Naming.ToCamelCase(p.Name) + ")"));
        w.Line("public static " + builder + " CreateBuilder(" + string.Join(", ", parameters) + ") => new " + builder + "()" + chain + ";");
    }

    /// <summary>One <c>Add</c> per part that is set (a list repeats its part name); files are added as they are, never read here.</summary>
    private static void EmitToMultipartBody(CodeWriter w, FormModel form)
    {
        w.Summary("The form as a <c>multipart/form-data</c> body: one part per member that is set, a list as repeated parts, files streamed when the request is sent.");
        w.Line("/// <returns>A new body.</returns>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">A required part is null; the message names it.</exception>");
        w.Open("public " + MultipartBody + " ToMultipartBody()");
        w.Line("var body = new " + MultipartBody + "();");
        foreach (FormPartModel part in form.Parts)
        {
            string name = CodeWriter.Literal(part.PartName);
            string local = Naming.ToCamelCase(part.Name).TrimStart('@') + "Part";
            bool nullable = !part.Required || part.Type.Nullable || !part.Type.IsValueType;
            if (!nullable)
            {
                w.Line(AddCall(form, part, name, part.Name, part.Type) + ";");
                continue;
            }

            w.Open("if (" + part.Name + " is { } " + local + ")");
            if (part.Type.Kind == TypeRefKind.List)
            {
                w.Open("foreach (" + TypeNames.Of(part.Type.Item!) + " item in " + local + ")");
                w.Line(AddCall(form, part, name, "item", part.Type.Item!) + ";");
                w.Close();
            }
            else
            {
                w.Line(AddCall(form, part, name, local, part.Type) + ";");
            }

            w.Close();
            if (part.Required)
            {
                w.Open("else");
                w.Line("throw new global::System.InvalidOperationException(" + CodeWriter.Literal("The " + form.Name + " has no '" + part.PartName + "' part, which is required; set " + part.Name + ".") + ");");
                w.Close();
            }

            w.Line();
        }

        w.Line("return body;");
        w.Close();
    }

    private static string AddCall(FormModel form, FormPartModel part, string name, string value, TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named when type.NamedKind == TypeModelKind.Enum => "body.Add(" + name + ", " + value + ".Value)",
        TypeRefKind.Named => "body.AddJson(" + name + ", " + value + ", " + form.ContextFullName + ".Default." + part.JsonContextProperty + ")",
        TypeRefKind.DateTimeOffset => "body.Add(" + name + ", " + value + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture))",
        TypeRefKind.Json => "body.Add(" + name + ", " + value + ".GetRawText())",
        _ => "body.Add(" + name + ", " + value + ")",
    };

    /// <summary>Form members use read-only lists: a caller may pass an array of files as it is.</summary>
    private static string PropertyType(FormPartModel part)
    {
        TypeRef type = part.Required && !part.Type.Nullable ? part.Type : part.Type with { Nullable = true };
        return type.Kind == TypeRefKind.List
            ? "global::System.Collections.Generic.IReadOnlyList<" + TypeNames.Of(type.Item!) + ">" + (type.Nullable ? "?" : string.Empty)
            : TypeNames.Of(type);
    }

    private static string PartDoc(FormPartModel part)
    {
        string doc = CodeWriter.Doc(part.Description, "The <c>" + CodeWriter.Xml(part.JsonName) + "</c> part.");
        return part.PartName == part.JsonName ? doc : doc + " Sent as <c>" + CodeWriter.Xml(part.PartName) + "</c>.";
    }

    private static string Field(FormPartModel part) => "_" + Naming.ToCamelCase(part.Name).TrimStart('@');
}
