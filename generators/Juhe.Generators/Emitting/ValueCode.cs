using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>
/// Emits the statements that read one JSON value into a variable and write one value back, for
/// any model type (nested lists and dictionaries included). Generated types are read and written
/// by calling their generated converters directly: no lookup through the options at run time.
/// </summary>
internal static class ValueCode
{
    /// <summary>Reads the value at the reader's current token into <paramref name="target"/>.</summary>
    /// <param name="what">Names the value in error messages, e.g. <c>"messages" of ChatRequest</c>.</param>
    public static void Read(CodeWriter w, TypeRef type, string target, string what, int depth)
    {
        if (type.Kind == TypeRefKind.Json && !type.Nullable)
        {
            // A JsonElement can hold null itself.
            w.Line(target + " = " + TypeNames.JsonElement + ".ParseValue(ref reader);");
            return;
        }

        if (type.Nullable)
        {
            w.Open("if (reader.TokenType == " + TypeNames.JsonTokenType + ".Null)");
            w.Line(target + " = null;");
            w.Close();
            w.Open("else");
            ReadNonNull(w, type, target, what, depth);
            w.Close();
        }
        else
        {
            w.Open("if (reader.TokenType == " + TypeNames.JsonTokenType + ".Null)");
            w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("The JSON value for " + what + " must not be null.") + ");");
            w.Close();
            w.Line();
            ReadNonNull(w, type, target, what, depth);
        }
    }

    /// <summary>Reads a value whose token is known not to be null.</summary>
    public static void ReadNonNull(CodeWriter w, TypeRef type, string target, string what, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
                w.Line(target + " = reader.GetString()!;");
                break;
            case TypeRefKind.Int32:
                w.Line(target + " = reader.GetInt32();");
                break;
            case TypeRefKind.Int64:
                w.Line(target + " = reader.GetInt64();");
                break;
            case TypeRefKind.Double:
                w.Line(target + " = reader.GetDouble();");
                break;
            case TypeRefKind.Boolean:
                w.Line(target + " = reader.GetBoolean();");
                break;
            case TypeRefKind.DateTimeOffset:
                w.Line(target + " = reader.GetDateTimeOffset();");
                break;
            case TypeRefKind.Json:
                w.Line(target + " = " + TypeNames.JsonElement + ".ParseValue(ref reader);");
                break;
            case TypeRefKind.Named:
                w.Line(target + " = " + type.ConverterFullName + ".Instance.Read(ref reader, typeof(" + type.FullName + "), options);");
                break;
            case TypeRefKind.List:
            {
                string list = "list" + depth, item = "item" + depth;
                ExpectToken(w, "StartArray", "an array", what);
                w.Line("var " + list + " = new " + TypeNames.Concrete(type) + "();");
                w.Open("while (reader.Read() && reader.TokenType != " + TypeNames.JsonTokenType + ".EndArray)");
                w.Line(TypeNames.Of(type.Item!) + " " + item + ";");
                Read(w, type.Item!, item, "an item of " + what, depth + 1);
                w.Line(list + ".Add(" + item + ");");
                w.Close();
                w.Line();
                w.Line(target + " = " + list + ";");
                break;
            }

            default:
            {
                string map = "map" + depth, key = "key" + depth, value = "value" + depth;
                ExpectToken(w, "StartObject", "an object", what);
                w.Line("var " + map + " = new " + TypeNames.Concrete(type) + "();");
                w.Open("while (reader.Read() && reader.TokenType != " + TypeNames.JsonTokenType + ".EndObject)");
                w.Line("string " + key + " = reader.GetString()!;");
                w.Line("reader.Read();");
                w.Line(TypeNames.Of(type.Item!) + " " + value + ";");
                Read(w, type.Item!, value, "a value of " + what, depth + 1);
                w.Line(map + "[" + key + "] = " + value + ";");
                w.Close();
                w.Line();
                w.Line(target + " = " + map + ";");
                break;
            }
        }
    }

    private static void ExpectToken(CodeWriter w, string token, string description, string what)
    {
        w.Open("if (reader.TokenType != " + TypeNames.JsonTokenType + "." + token + ")");
        w.Line("throw new " + TypeNames.JsonException + "(" + CodeWriter.Literal("Expected " + description + " for " + what + ", found ") + " + reader.TokenType + \".\");");
        w.Close();
        w.Line();
    }

    /// <summary>Writes <paramref name="expression"/>, a value of <paramref name="type"/> known not to be null.</summary>
    public static void Write(CodeWriter w, TypeRef type, string expression, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
            case TypeRefKind.DateTimeOffset:
                w.Line("writer.WriteStringValue(" + expression + ");");
                break;
            case TypeRefKind.Int32:
            case TypeRefKind.Int64:
            case TypeRefKind.Double:
                w.Line("writer.WriteNumberValue(" + expression + ");");
                break;
            case TypeRefKind.Boolean:
                w.Line("writer.WriteBooleanValue(" + expression + ");");
                break;
            case TypeRefKind.Json:
                w.Line(expression + ".WriteTo(writer);");
                break;
            case TypeRefKind.Named:
                w.Line(type.ConverterFullName + ".Instance.Write(writer, " + expression + ", options);");
                break;
            case TypeRefKind.List:
            {
                // Indexed rather than foreach: enumerating an IList<T> boxes its enumerator, an allocation per list written.
                string item = "item" + depth;
                string index = "index" + depth;
                w.Line("writer.WriteStartArray();");
                w.Open("for (int " + index + " = 0; " + index + " < " + expression + ".Count; " + index + "++)");
                w.Line(TypeNames.Of(type.Item!) + " " + item + " = " + expression + "[" + index + "];");
                WriteMaybeNull(w, type.Item!, item, depth + 1);
                w.Close();
                w.Line();
                w.Line("writer.WriteEndArray();");
                break;
            }

            default:
            {
                string pair = "pair" + depth;
                w.Line("writer.WriteStartObject();");
                ForEachPair(w, TypeNames.Of(type.Item!), expression, UniqueName(expression, "Dictionary" + depth), pair, () =>
                {
                    w.Line("writer.WritePropertyName(" + pair + ".Key);");
                    WriteMaybeNull(w, type.Item!, pair + ".Value", depth + 1);
                });
                w.Line();
                w.Line("writer.WriteEndObject();");
                break;
            }
        }
    }

    /// <summary>
    /// Emits a loop over the pairs of <paramref name="expression"/>, an <c>IDictionary&lt;string, T&gt;</c>.
    /// A <c>Dictionary&lt;string, T&gt;</c> (what the readers and builders create) is enumerated
    /// with its struct enumerator, which allocates nothing; any other implementation through the interface.
    /// </summary>
    /// <param name="w">The writer.</param>
    /// <param name="valueType">The C# type of the values.</param>
    /// <param name="expression">The dictionary, known not to be null.</param>
    /// <param name="concrete">A name, unique in the enclosing scope, for the pattern variable of the concrete dictionary.</param>
    /// <param name="pair">The name of the loop variable.</param>
    /// <param name="body">Emits the loop body (once per branch).</param>
    public static void ForEachPair(CodeWriter w, string valueType, string expression, string concrete, string pair, System.Action body)
    {
        string pairType = "global::System.Collections.Generic.KeyValuePair<string, " + valueType + ">";
        w.Open("if (" + expression + " is global::System.Collections.Generic.Dictionary<string, " + valueType + "> " + concrete + ")");
        w.Open("foreach (" + pairType + " " + pair + " in " + concrete + ")");
        body();
        w.Close();
        w.Close();
        w.Open("else");
        w.Open("foreach (" + pairType + " " + pair + " in " + expression + ")");
        body();
        w.Close();
        w.Close();
    }

    /// <summary>A local name made from the last member of <paramref name="expression"/> and a suffix, e.g. <c>value.Metadata</c> → <c>metadataDictionary0</c>.</summary>
    private static string UniqueName(string expression, string suffix)
    {
        string last = expression.Substring(expression.LastIndexOf('.') + 1);
        return char.ToLowerInvariant(last[0]) + last.Substring(1) + suffix;
    }

    /// <summary>Writes a value that may be null when its type allows it.</summary>
    public static void WriteMaybeNull(CodeWriter w, TypeRef type, string expression, int depth)
    {
        if (!type.Nullable)
        {
            Write(w, type, expression, depth);
            return;
        }

        // Pattern variables live in the enclosing scope, so the name must be unique per value written.
        string last = expression.Substring(expression.LastIndexOf('.') + 1);
        string value = char.ToLowerInvariant(last[0]) + last.Substring(1) + (expression.Contains(".") ? "Value" : "NotNull");
        w.Open("if (" + expression + " is { } " + value + ")");
        Write(w, type with { Nullable = false }, value, depth);
        w.Close();
        w.Open("else");
        w.Line("writer.WriteNullValue();");
        w.Close();
    }
}
