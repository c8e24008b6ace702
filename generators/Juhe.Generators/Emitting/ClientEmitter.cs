using System;
using System.Linq;
using Juhe.Generators.Model;
using Juhe.Generators.Parsing;

namespace Juhe.Generators.Emitting;

/// <summary>
/// Emits a family client: the class shell, one method per response shape of each operation
/// (<see cref="JsonResponseEmitter"/>, <see cref="StreamResponseEmitter"/>), and the way to reach it
/// from a <c>JuheClient</c>.
/// </summary>
internal static class ClientEmitter
{
    public const string JuheClient = "global::Juhe.Http.JuheClient";

    /// <param name="declaresJuheClient">Whether this compilation is the Juhe library itself (then <c>JuheClient</c> gets properties instead of extension methods).</param>
    public static string Emit(ClientModel client, bool declaresJuheClient)
    {
        var w = new CodeWriter();
        w.Line("namespace " + client.Namespace + ";");
        w.Line();
        w.Summary("The <c>" + client.AccessorName + "</c> operations of the gateway.");
        w.GeneratedCode();
        w.Open("public sealed partial class " + client.Name);
        w.Lines($$"""
            private readonly {{JuheClient}} _client;

            /// <summary>Creates the client over <paramref name="client"/>, which sends the requests.</summary>
            /// <param name="client">The gateway connection.</param>
            public {{client.Name}}({{JuheClient}} client)
            {
                global::System.ArgumentNullException.ThrowIfNull(client);
                _client = client;
            }
            """);
        foreach (OperationModel operation in client.Operations)
        {
            foreach (ResponseModel response in operation.Responses)
            {
                w.Line();
                EmitMethod(w, client, operation, response);
            }
        }

        TaskEmitter.EmitPollHelpers(w, client);
        if (client.Operations.Any(o => o.Parameters.Any(p => p.In == ParameterLocation.Query)))
        {
            w.Line();
            RequestEmitter.EmitAppendQueryHelper(w);
        }

        if (client.Operations.Any(o => o.Parameters.Any(p => p.Segments)))
        {
            w.Line();
            RequestEmitter.EmitEscapePathSegmentsHelper(w);
        }

        w.Close();
        if (!declaresJuheClient)
        {
            w.Line();
            w.Lines($$"""
                /// <summary>Reaches <see cref="{{client.Name}}"/> from a <see cref="{{JuheClient}}"/>.</summary>
                {{CodeWriter.GeneratedCodeAttribute}}
                public static class {{client.Name}}Extensions
                {
                    /// <summary>The <c>{{client.AccessorName}}</c> operations of the gateway (a light wrapper; create it as often as you like).</summary>
                    /// <param name="client">The gateway connection.</param>
                    /// <returns>The family client.</returns>
                    public static {{client.FullName}} Get{{client.AccessorName}}(this {{JuheClient}} client) => new(client);
                }
                """);
        }

        return w.ToString();
    }

    private static void EmitMethod(CodeWriter w, ClientModel client, OperationModel operation, ResponseModel response)
    {
        switch (response)
        {
            case ResponseModel.Json json:
                JsonResponseEmitter.Emit(w, client, operation, json);
                break;
            case ResponseModel.Task task:
                // The plain method reads the submit answer; Submit…/Run… poll the task it started.
                JsonResponseEmitter.Emit(w, client, operation, task.Submit);
                w.Line();
                TaskEmitter.EmitSubmitAndRun(w, operation, task);
                break;
            case ResponseModel.Binary:
                BinaryResponseEmitter.Emit(w, client, operation);
                break;
            case ResponseModel.Text text:
                TextResponseEmitter.Emit(w, client, operation, text);
                break;
            case ResponseModel.Stream stream:
                StreamResponseEmitter.Emit(w, client, operation, stream);
                break;
            default:
                throw new InvalidOperationException("Unknown response shape " + response.GetType().Name);
        }
    }
}
