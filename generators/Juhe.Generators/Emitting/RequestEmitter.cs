using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Model;
using Juhe.Generators.Parsing;

namespace Juhe.Generators.Emitting;

/// <summary>
/// The request half of every generated method, whatever it reads back: docs, the parameter list,
/// argument checks, path and query, and the <c>JuheRequest</c>.
/// </summary>
internal static class RequestEmitter
{
    public const string Task = "global::System.Threading.Tasks.Task";
    private const string CancellationToken = "global::System.Threading.CancellationToken";

    public static void EmitDocs(CodeWriter w, OperationModel operation, string? extra)
    {
        string summary = CodeWriter.Doc(operation.Summary ?? operation.Description, "Calls <c>" + HttpMethodText(operation.Method) + " " + CodeWriter.Xml(operation.Path) + "</c>.");
        w.Summary(extra is null ? summary : summary + "\n" + extra);
        if (operation.Summary is not null && operation.Description is not null)
        {
            w.Line("/// <remarks>" + CodeWriter.Xml(operation.Description).Replace("\n", " ") + "</remarks>");
        }

        foreach (ParameterModel parameter in operation.Parameters)
        {
            w.Param(parameter.Name, CodeWriter.Doc(parameter.Description, "The <c>" + CodeWriter.Xml(parameter.JsonName) + "</c> " + LocationText(parameter.In) + " parameter."));
        }

        if (operation.Body is RequestBodyModel.Json body)
        {
            w.Param(body.ParameterName, "The request body.");
        }

        w.Param("cancellationToken", "Cancels the request.");
    }

    /// <summary>Required parameters, the body, optional parameters (defaulting to null), then the cancellation token.</summary>
    public static string ParameterList(OperationModel operation)
    {
        var parts = operation.Parameters.Where(p => p.Required).Select(p => TypeNames.Of(p.Type with { Nullable = false }) + " " + p.Name).ToList();
        if (operation.Body is RequestBodyModel.Json body)
        {
            parts.Add(TypeNames.Of(body.Type) + " " + body.ParameterName);
        }

        parts.AddRange(operation.Parameters.Where(p => !p.Required).Select(p => TypeNames.Of(p.Type with { Nullable = true }) + " " + p.Name + " = null"));
        parts.Add(CancellationToken + " cancellationToken = default");
        return string.Join(", ", parts);
    }

    /// <summary>
    /// Writes the argument checks, the query string and the <c>juheRequest</c> local, naming the body's
    /// stream flag (if any) so that JuheClient writes it as each call needs.
    /// </summary>
    public static void EmitRequest(CodeWriter w, OperationModel operation)
    {
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
        }

        if (operation.Body is RequestBodyModel.Json body)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + body.ParameterName + ");");
        }

        string query = EmitQuery(w, operation);
        string streamFlag = operation.Body is RequestBodyModel.Json && operation.Stream?.FlagMember is { } flag
            ? " { StreamFlag = " + CodeWriter.Literal(flag) + " }"
            : "";
        w.Line("var juheRequest = new global::Juhe.Http.JuheRequest(global::System.Net.Http.HttpMethod." + HttpMethodProperty(operation.Method) + ", " + PathExpression(operation) + ", global::Juhe.Http.JuheAuthStyle." + AuthStyleMember(operation.Auth) + ", " + query + ")" + streamFlag + ";");
    }

    /// <summary>The helper the query code calls; emitted once per client that has query parameters.</summary>
    public static void EmitAppendQueryHelper(CodeWriter w) => w.Lines("""
        private static void AppendQuery(global::System.Text.StringBuilder query, string name, string value)
        {
            if (query.Length > 0)
            {
                query.Append('&');
            }

            query.Append(name).Append('=').Append(global::System.Uri.EscapeDataString(value));
        }
        """);

    /// <summary>Writes the query-building code and returns the expression of the query string (<c>null</c> when there is none).</summary>
    private static string EmitQuery(CodeWriter w, OperationModel operation)
    {
        ParameterModel[] parameters = operation.Parameters.Where(p => p.In == ParameterLocation.Query).ToArray();
        if (parameters.Length == 0)
        {
            return "null";
        }

        w.Line("var query = new global::System.Text.StringBuilder();");
        bool afterBlock = false;
        foreach (ParameterModel parameter in parameters)
        {
            if (afterBlock)
            {
                w.Line(); // a closing brace is followed by a blank line
            }

            afterBlock = !parameter.Required;
            if (parameter.Required)
            {
                w.Line("AppendQuery(query, " + CodeWriter.Literal(parameter.JsonName) + ", " + Format(parameter.Type, parameter.Name) + ");");
            }
            else
            {
                string local = parameter.Name.TrimStart('@') + "Value";
                w.Open("if (" + parameter.Name + " is { } " + local + ")");
                w.Line("AppendQuery(query, " + CodeWriter.Literal(parameter.JsonName) + ", " + Format(parameter.Type, local) + ");");
                w.Close();
            }
        }

        w.Line();
        return "query.Length == 0 ? null : query.ToString()";
    }

    /// <summary>The path template as a C# expression, each placeholder replaced by its escaped parameter.</summary>
    private static string PathExpression(OperationModel operation)
    {
        string path = operation.Path;
        var parts = new List<string>();
        int position = 0;
        while (position < path.Length)
        {
            int open = path.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(CodeWriter.Literal(path.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(CodeWriter.Literal(path.Substring(position, open - position)));
            }

            int close = path.IndexOf('}', open);
            string name = path.Substring(open + 1, close - open - 1);
            ParameterModel parameter = operation.Parameters.First(p => p.In == ParameterLocation.Path && p.JsonName == name);
            parts.Add("global::System.Uri.EscapeDataString(" + Format(parameter.Type, parameter.Name) + ")");
            position = close + 1;
        }

        return string.Join(" + ", parts);
    }

    /// <summary>The text of a path or query value: invariant culture, lower-case booleans, an enum's JSON text.</summary>
    private static string Format(TypeRef type, string expression) => type.Kind switch
    {
        TypeRefKind.String => expression,
        TypeRefKind.Boolean => "(" + expression + " ? \"true\" : \"false\")",
        TypeRefKind.Named => expression + ".Value",
        TypeRefKind.DateTimeOffset => expression + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => expression + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
    };

    private static string HttpMethodProperty(HttpVerb verb) => verb switch
    {
        HttpVerb.Get => "Get",
        HttpVerb.Post => "Post",
        HttpVerb.Put => "Put",
        HttpVerb.Patch => "Patch",
        HttpVerb.Delete => "Delete",
    };

    private static string HttpMethodText(HttpVerb verb) => HttpMethodProperty(verb).ToUpperInvariant();

    private static string AuthStyleMember(AuthStyle auth) => auth switch
    {
        AuthStyle.Bearer => "Bearer",
        AuthStyle.Anthropic => "AnthropicApiKey",
        AuthStyle.Google => "GoogleApiKey",
        AuthStyle.System => "SystemAccessToken",
        AuthStyle.None => "None",
    };

    private static string LocationText(ParameterLocation location) => location switch
    {
        ParameterLocation.Path => "path",
        ParameterLocation.Query => "query",
        ParameterLocation.Header => "header",
    };
}
