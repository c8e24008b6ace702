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

    public static void EmitDocs(CodeWriter w, OperationModel operation, string? extra, params (string Name, string Doc)[] extraParameters)
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

        switch (operation.Body)
        {
            case RequestBodyModel.Json body:
                w.Param(body.ParameterName, "The request body.");
                break;
            case RequestBodyModel.Multipart form:
                w.Param(form.ParameterName, "The form sent as <c>multipart/form-data</c> (files are streamed, never buffered).");
                break;
        }

        foreach ((string name, string doc) in extraParameters)
        {
            w.Param(name, doc);
        }

        w.Param("cancellationToken", "Cancels the request.");
    }

    /// <summary>Required parameters, the body, optional parameters (defaulting to null), <paramref name="extra"/>, then the cancellation token.</summary>
    public static string ParameterList(OperationModel operation, params string[] extra)
    {
        var parts = operation.Parameters.Where(p => p.Required).Select(p => ParameterType(p.Type with { Nullable = false }) + " " + p.Name).ToList();
        switch (operation.Body)
        {
            case RequestBodyModel.Json body:
                parts.Add(TypeNames.Of(body.Type) + " " + body.ParameterName);
                break;
            case RequestBodyModel.Multipart form:
                parts.Add(TypeNames.Of(form.Type) + " " + form.ParameterName);
                break;
        }

        parts.AddRange(operation.Parameters.Where(p => !p.Required).Select(p => ParameterType(p.Type with { Nullable = true }) + " " + p.Name + " = null"));
        parts.AddRange(extra);
        parts.Add(CancellationToken + " cancellationToken = default");
        return string.Join(", ", parts);
    }

    /// <summary>The arguments that pass a method's own parameters on to another generated method of the same operation.</summary>
    public static string ArgumentList(OperationModel operation, params string[] extra)
    {
        var parts = operation.Parameters.Where(p => p.Required).Select(p => p.Name).ToList();
        switch (operation.Body)
        {
            case RequestBodyModel.Json body:
                parts.Add(body.ParameterName);
                break;
            case RequestBodyModel.Multipart form:
                parts.Add(form.ParameterName);
                break;
        }

        parts.AddRange(operation.Parameters.Where(p => !p.Required).Select(p => p.Name + ": " + p.Name));
        parts.AddRange(extra);
        parts.Add("cancellationToken: cancellationToken");
        return string.Join(", ", parts);
    }

    /// <summary>The body as a <c>JuheBody</c> expression: <c>null</c>, JSON through the context, or the form's parts.</summary>
    public static string BodyExpression(ClientModel client, OperationModel operation) => operation.Body switch
    {
        RequestBodyModel.Json json => "global::Juhe.Http.JuheBody.Json(" + json.ParameterName + ", " + client.ContextFullName + ".Default." + json.ContextProperty + ")",
        RequestBodyModel.Multipart form => form.ParameterName + ".ToMultipartBody()",
        _ => "null",
    };

    /// <summary>A query array is taken as any sequence; everything else as its model type.</summary>
    private static string ParameterType(TypeRef type) => type.Kind == TypeRefKind.List
        ? "global::System.Collections.Generic.IEnumerable<" + TypeNames.Of(type.Item!) + ">" + (type.Nullable ? "?" : string.Empty)
        : TypeNames.Of(type);

    /// <summary>
    /// Writes the argument checks, the query string and the <c>juheRequest</c> local, naming the body's
    /// stream flag (if any) so that JuheClient writes it as each call needs.
    /// </summary>
    public static void EmitRequest(CodeWriter w, OperationModel operation)
    {
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType))
        {
            // An empty path segment would address another route.
            w.Line(parameter.In == ParameterLocation.Path && parameter.Type.Kind == TypeRefKind.String
                ? "global::System.ArgumentException.ThrowIfNullOrEmpty(" + parameter.Name + ");"
                : "global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
        }

        switch (operation.Body)
        {
            case RequestBodyModel.Json body:
                w.Line("global::System.ArgumentNullException.ThrowIfNull(" + body.ParameterName + ");");
                break;
            case RequestBodyModel.Multipart form:
                w.Line("global::System.ArgumentNullException.ThrowIfNull(" + form.ParameterName + ");");
                break;
        }

        string query = EmitQuery(w, operation);
        bool headers = EmitHeaders(w, operation);
        var initializers = new List<string>();
        if (operation.Body is not RequestBodyModel.NoBody && operation.Stream?.FlagMember is { } flag)
        {
            initializers.Add("StreamFlag = " + CodeWriter.Literal(flag));
        }

        if (headers)
        {
            initializers.Add("Headers = headers");
        }

        if (operation.Envelope != EnvelopeStyle.None)
        {
            initializers.Add("SuccessRule = global::Juhe.Http.JuheSuccessRule." + SuccessRuleMember(operation.Envelope));
        }

        string initializer = initializers.Count == 0 ? string.Empty : " { " + string.Join(", ", initializers) + " }";
        w.Line("var juheRequest = new global::Juhe.Http.JuheRequest(global::System.Net.Http.HttpMethod." + HttpMethodProperty(operation.Method) + ", " + PathExpression(operation) + ", global::Juhe.Http.JuheAuthStyle." + AuthStyleMember(operation.Auth) + ", " + query + ")" + initializer + ";");
    }

    /// <summary>
    /// Writes the <c>headers</c> list of the header parameters: required ones always, optional ones
    /// when given, or their schema default. Returns whether the operation has header parameters.
    /// </summary>
    private static bool EmitHeaders(CodeWriter w, OperationModel operation)
    {
        ParameterModel[] parameters = operation.Parameters.Where(p => p.In == ParameterLocation.Header).ToArray();
        if (parameters.Length == 0)
        {
            return false;
        }

        const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string>";
        w.Line("var headers = new global::System.Collections.Generic.List<" + Pair + ">(" + parameters.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ");");
        bool afterBlock = false;
        foreach (ParameterModel parameter in parameters)
        {
            if (afterBlock)
            {
                w.Line(); // a closing brace is followed by a blank line
            }

            afterBlock = !parameter.Required && parameter.DefaultText is null;
            string name = CodeWriter.Literal(parameter.JsonName);
            if (parameter.Required)
            {
                w.Line("headers.Add(new " + Pair + "(" + name + ", " + Format(parameter.Type, parameter.Name) + "));");
            }
            else if (parameter.DefaultText is { } text && parameter.Type.Kind == TypeRefKind.String)
            {
                w.Line("headers.Add(new " + Pair + "(" + name + ", " + parameter.Name + " ?? " + CodeWriter.Literal(text) + "));");
            }
            else if (parameter.DefaultText is { } fallback)
            {
                string local = parameter.Name.TrimStart('@') + "Value";
                w.Line("headers.Add(new " + Pair + "(" + name + ", " + parameter.Name + " is { } " + local + " ? " + Format(parameter.Type, local) + " : " + CodeWriter.Literal(fallback) + "));");
            }
            else
            {
                string local = parameter.Name.TrimStart('@') + "Value";
                w.Open("if (" + parameter.Name + " is { } " + local + ")");
                w.Line("headers.Add(new " + Pair + "(" + name + ", " + Format(parameter.Type, local) + "));");
                w.Close();
            }
        }

        w.Line();
        return true;
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

            afterBlock = !parameter.Required || parameter.Type.Kind == TypeRefKind.List;
            if (parameter.Type.Kind == TypeRefKind.List)
            {
                // An array is the name repeated: ids=a&ids=b.
                string item = parameter.Name.TrimStart('@') + "Item";
                string source = parameter.Required ? parameter.Name : parameter.Name + " ?? []";
                w.Open("foreach (" + TypeNames.Of(parameter.Type.Item!) + " " + item + " in " + source + ")");
                w.Line("AppendQuery(query, " + CodeWriter.Literal(parameter.JsonName) + ", " + Format(parameter.Type.Item!, item) + ");");
                w.Close();
            }
            else if (parameter.Required)
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

    /// <summary>
    /// The path template as a C# expression: each placeholder replaced by its escaped parameter
    /// (a multi-segment one escaped segment by segment), an optional first segment left out with
    /// its slash when null.
    /// </summary>
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

            int close = path.IndexOf('}', open);
            string name = path.Substring(open + 1, close - open - 1);
            ParameterModel parameter = operation.Parameters.First(p => p.In == ParameterLocation.Path && p.JsonName == name);
            if (parameter.OptionalPrefix)
            {
                // "/{mode}/mj/…": the slash before the placeholder goes with it.
                string local = parameter.Name.TrimStart('@') + "Value";
                parts.Add("(" + parameter.Name + " is { } " + local + " ? \"/\" + " + Escape(parameter, Format(parameter.Type, local)) + " : \"\")");
            }
            else
            {
                if (open > position)
                {
                    parts.Add(CodeWriter.Literal(path.Substring(position, open - position)));
                }

                parts.Add(Escape(parameter, Format(parameter.Type, parameter.Name)));
            }

            position = close + 1;
        }

        return string.Join(" + ", parts);
    }

    private static string Escape(ParameterModel parameter, string value) => parameter.Segments
        ? "EscapePathSegments(" + value + ", " + CodeWriter.Literal(parameter.JsonName) + ")"
        : "global::System.Uri.EscapeDataString(" + value + ")";

    /// <summary>The helper multi-segment path parameters call; emitted once per client that has one.</summary>
    public static void EmitEscapePathSegmentsHelper(CodeWriter w) => w.Lines("""
        private static string EscapePathSegments(string value, string parameter)
        {
            string[] segments = value.Split('/');
            for (int i = 0; i < segments.Length; i++)
            {
                if (segments[i].Length == 0)
                {
                    throw new global::System.ArgumentException("The path parameter '" + parameter + "' has an empty segment: '" + value + "'. Write its segments joined by single slashes, without a leading or trailing slash (such as fal-ai/flux/dev).", parameter);
                }

                segments[i] = global::System.Uri.EscapeDataString(segments[i]);
            }

            return string.Join('/', segments);
        }
        """);

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

    private static string SuccessRuleMember(EnvelopeStyle envelope) => envelope switch
    {
        EnvelopeStyle.None => "None",
        EnvelopeStyle.Management => "Management",
        EnvelopeStyle.Midjourney => "Midjourney",
        EnvelopeStyle.TaskCode => "TaskCode",
    };

    private static string LocationText(ParameterLocation location) => location switch
    {
        ParameterLocation.Path => "path",
        ParameterLocation.Query => "query",
        ParameterLocation.Header => "header",
    };
}
