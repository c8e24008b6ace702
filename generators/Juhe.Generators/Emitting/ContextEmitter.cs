using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>
/// Emits the <c>JsonSerializerContext</c> for every generated type. The System.Text.Json source
/// generator cannot see generated types, so this context builds each <c>JsonTypeInfo</c> itself
/// from the generated converter through the public <c>JsonMetadataServices</c> API.
/// </summary>
internal static class ContextEmitter
{
    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

    public static string Emit(ContextModel context)
    {
        var w = new CodeWriter();
        w.Line("namespace " + context.Namespace + ";");
        w.Line();
        w.Summary("The JSON metadata of every type generated from the schemas: pass its properties (or <see cref=\"Default\"/> as a resolver) to System.Text.Json. Reflection-free and trim/AOT safe.");
        w.GeneratedCode();
        w.Open("public partial class " + context.Name + " : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line("private static readonly " + TypeNames.Options + " s_defaultOptions = new();");
        w.Line();
        foreach (ContextEntry entry in context.Entries)
        {
            w.Line("private " + TypeInfo + "<" + entry.FullName + ">? _" + entry.PropertyName + ";");
        }

        if (!context.Entries.IsEmpty)
        {
            w.Line();
        }

        w.Summary("A shared instance with default options.");
        w.Line("public static " + context.Name + " Default { get; } = new(new " + TypeNames.Options + "(s_defaultOptions));");
        w.Line();
        w.Summary("Creates a context with default options.");
        w.Line("public " + context.Name + "()");
        w.Line("    : base(null)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary("Creates a context bound to <paramref name=\"options\"/> (which become read-only).");
        w.Param("options", "The options to bind.");
        w.Line("public " + context.Name + "(" + TypeNames.Options + " options)");
        w.Line("    : base(options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("protected override " + TypeNames.Options + "? GeneratedSerializerOptions => s_defaultOptions;");
        foreach (ContextEntry entry in context.Entries)
        {
            w.Line();
            w.Summary("The JSON metadata of <see cref=\"" + entry.FullName + "\"/>.");
            w.Line("public " + TypeInfo + "<" + entry.FullName + "> " + entry.PropertyName + " => _" + entry.PropertyName + " ??= (" + TypeInfo + "<" + entry.FullName + ">)Options.GetTypeInfo(typeof(" + entry.FullName + "));");
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open("public override " + TypeInfo + "? GetTypeInfo(global::System.Type type)");
        foreach (ContextEntry entry in context.Entries)
        {
            w.Open("if (type == typeof(" + entry.FullName + "))");
            w.Line("return " + entry.PropertyName + ";");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open(TypeInfo + "? global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + TypeNames.Options + " options)");
        foreach (ContextEntry entry in context.Entries)
        {
            w.Open("if (type == typeof(" + entry.FullName + "))");
            w.Line("return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<" + entry.FullName + ">(options, " + entry.ConverterFullName + ".Instance);");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
