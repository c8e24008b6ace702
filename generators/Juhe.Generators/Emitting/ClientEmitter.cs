using System.Linq;
using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits a family client (one method per operation) and the way to reach it from a <c>JuheClient</c>.</summary>
internal static class ClientEmitter
{
    private const string JuheClient = "global::Juhe.Http.JuheClient";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string CancellationToken = "global::System.Threading.CancellationToken";

    /// <param name="declaresJuheClient">Whether this compilation is the Juhe library itself (then <c>JuheClient</c> gets properties instead of extension methods).</param>
    public static string Emit(ClientModel client, bool declaresJuheClient)
    {
        var w = new CodeWriter();
        w.Line("namespace " + client.Namespace + ";");
        w.Line();
        w.Summary("The <c>" + client.AccessorName + "</c> operations of the gateway.");
        w.Open("public sealed partial class " + client.Name);
        w.Line("private readonly " + JuheClient + " _client;");
        w.Line();
        w.Summary("Creates the client over <paramref name=\"client\"/>, which sends the requests.");
        w.Param("client", "The gateway connection.");
        w.Open("public " + client.Name + "(" + JuheClient + " client)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        w.Line("_client = client;");
        w.Close();
        foreach (OperationModel operation in client.Operations)
        {
            if (operation.Response is not null)
            {
                w.Line();
                EmitMethod(w, client, operation);
            }

            if (operation.Stream is not null)
            {
                w.Line();
                EmitStreamMethod(w, client, operation, operation.Stream);
            }
        }

        if (client.Operations.Any(o => o.Parameters.Any(p => p.In == "query")))
        {
            w.Line();
            w.Open("private static void AppendQuery(global::System.Text.StringBuilder query, string name, string value)");
            w.Open("if (query.Length > 0)");
            w.Line("query.Append('&');");
            w.Close();
            w.Line();
            w.Line("query.Append(name).Append('=').Append(global::System.Uri.EscapeDataString(value));");
            w.Close();
        }

        w.Close();
        if (!declaresJuheClient)
        {
            w.Line();
            w.Summary("Reaches <see cref=\"" + client.Name + "\"/> from a <see cref=\"" + JuheClient + "\"/>.");
            w.Open("public static class " + client.Name + "Extensions");
            w.Summary("The <c>" + client.AccessorName + "</c> operations of the gateway (a light wrapper; create it as often as you like).");
            w.Param("client", "The gateway connection.");
            w.Line("/// <returns>The family client.</returns>");
            w.Line("public static " + client.FullName + " Get" + client.AccessorName + "(this " + JuheClient + " client) => new(client);");
            w.Close();
        }

        return w.ToString();
    }

    /// <summary>The <c>partial class JuheClient</c> with one cached property per family client (the Juhe library only).</summary>
    public static string EmitAccessors(EquatableArray<ClientModel> clients)
    {
        var w = new CodeWriter();
        w.Line("namespace Juhe.Http;");
        w.Line();
        w.Open("partial class JuheClient");
        foreach (ClientModel client in clients)
        {
            w.Line("private " + client.FullName + "? _" + Naming.ToCamelCase(client.AccessorName).TrimStart('@') + ";");
        }

        foreach (ClientModel client in clients)
        {
            w.Line();
            w.Summary("The <c>" + client.AccessorName + "</c> operations of the gateway.");
            w.Line("public " + client.FullName + " " + client.AccessorName + " => _" + Naming.ToCamelCase(client.AccessorName).TrimStart('@') + " ??= new " + client.FullName + "(this);");
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitDocs(CodeWriter w, OperationModel operation, string? extra)
    {
        string summary = CodeWriter.Doc(operation.Summary ?? operation.Description, "Calls <c>" + operation.HttpMethod.ToUpperInvariant() + " " + CodeWriter.Xml(operation.Path) + "</c>.");
        w.Summary(extra is null ? summary : summary + "\n" + extra);
        if (operation.Summary is not null && operation.Description is not null)
        {
            w.Line("/// <remarks>" + CodeWriter.Xml(operation.Description).Replace("\n", " ") + "</remarks>");
        }

        foreach (ParameterModel parameter in operation.Parameters)
        {
            w.Param(parameter.Name, CodeWriter.Doc(parameter.Description, "The <c>" + CodeWriter.Xml(parameter.JsonName) + "</c> " + parameter.In + " parameter."));
        }

        if (operation.Body is not null)
        {
            w.Param(operation.BodyParameterName, "The request body.");
        }

        w.Param("cancellationToken", "Cancels the request.");
    }

    private static string ParameterList(OperationModel operation)
    {
        var parts = operation.Parameters.Where(p => p.Required).Select(p => TypeNames.Of(p.Type with { Nullable = false }) + " " + p.Name).ToList();
        if (operation.Body is not null)
        {
            parts.Add(TypeNames.Of(operation.Body) + " " + operation.BodyParameterName);
        }

        parts.AddRange(operation.Parameters.Where(p => !p.Required).Select(p => TypeNames.Of(p.Type with { Nullable = true }) + " " + p.Name + " = null"));
        parts.Add(CancellationToken + " cancellationToken = default");
        return string.Join(", ", parts);
    }

    private static void EmitRequest(CodeWriter w, ClientModel client, OperationModel operation)
    {
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
        }

        if (operation.Body is not null)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + operation.BodyParameterName + ");");
        }

        string query = "null";
        if (operation.Parameters.Any(p => p.In == "query"))
        {
            w.Line("var query = new global::System.Text.StringBuilder();");
            foreach (ParameterModel parameter in operation.Parameters.Where(p => p.In == "query"))
            {
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
            query = "query.Length == 0 ? null : query.ToString()";
        }

        // The stream flag is written by JuheClient at serialization time: the caller's object is never modified.
        string streamFlag = operation.Stream?.FlagProperty is { } flag ? " { StreamFlag = " + CodeWriter.Literal(flag) + " }" : "";
        w.Line("var juheRequest = new global::Juhe.Http.JuheRequest(global::System.Net.Http.HttpMethod." + operation.HttpMethod + ", " + PathExpression(operation) + ", global::Juhe.Http.JuheAuthStyle." + operation.Auth + ", " + query + ")" + streamFlag + ";");
    }

    private static void EmitMethod(CodeWriter w, ClientModel client, OperationModel operation)
    {
        string response = TypeNames.Of(operation.Response! with { Nullable = false });
        EmitDocs(w, operation, null);
        w.Line("/// <returns>The response.</returns>");
        w.Line("/// <exception cref=\"global::Juhe.Http.JuheApiException\">The gateway answered with an error.</exception>");
        w.Open("public " + Task + "<" + response + "> " + operation.MethodName + "(" + ParameterList(operation) + ")");
        EmitRequest(w, client, operation);
        if (operation.Body is null)
        {
            w.Line("return _client.SendAsync(juheRequest, " + client.ContextFullName + ".Default." + operation.ResponseContextProperty + ", cancellationToken);");
        }
        else
        {
            w.Line("return _client.SendAsync(juheRequest, " + operation.BodyParameterName + ", " + client.ContextFullName + ".Default." + operation.BodyContextProperty + ", " + client.ContextFullName + ".Default." + operation.ResponseContextProperty + ", cancellationToken);");
        }

        w.Close();
    }

    private static void EmitStreamMethod(CodeWriter w, ClientModel client, OperationModel operation, StreamModel stream)
    {
        EmitDocs(w, operation, "Streams the response as server-sent events.");
        w.Line("/// <returns>The stream decoder; dispose it to release the connection.</returns>");
        w.Line("/// <exception cref=\"global::Juhe.Http.JuheApiException\">The gateway answered with an error before the stream started.</exception>");
        w.Open("public async " + Task + "<" + stream.ReturnType + "> " + stream.MethodName + "(" + ParameterList(operation) + ")");
        EmitRequest(w, client, operation);
        w.Line("global::System.IO.Stream stream = await _client.OpenStreamAsync(juheRequest, " + operation.BodyParameterName + ", " + client.ContextFullName + ".Default." + operation.BodyContextProperty + ", cancellationToken).ConfigureAwait(false);");
        w.Line("return new " + stream.ReturnType + "(stream);");
        w.Close();
    }

    private static string PathExpression(OperationModel operation)
    {
        string path = operation.Path;
        var parts = new System.Collections.Generic.List<string>();
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
            ParameterModel parameter = operation.Parameters.First(p => p.In == "path" && p.JsonName == name);
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
}
