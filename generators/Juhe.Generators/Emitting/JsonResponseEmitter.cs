using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits the method that sends the request and reads one JSON answer.</summary>
internal static class JsonResponseEmitter
{
    public static void Emit(CodeWriter w, ClientModel client, OperationModel operation, ResponseModel.Json response)
    {
        string responseType = TypeNames.Of(response.Type with { Nullable = false });
        string responseInfo = client.ContextFullName + ".Default." + response.ContextProperty;
        RequestEmitter.EmitDocs(w, operation, null);
        w.Lines("""
            /// <returns>The response.</returns>
            /// <exception cref="global::Juhe.Http.JuheApiException">The gateway answered with an error.</exception>
            """);
        w.Open("public " + RequestEmitter.Task + "<" + responseType + "> " + operation.MethodName + "(" + RequestEmitter.ParameterList(operation) + ")");
        RequestEmitter.EmitRequest(w, operation);
        switch (operation.Body)
        {
            case RequestBodyModel.Json body:
                string bodyInfo = client.ContextFullName + ".Default." + body.ContextProperty;
                w.Line("return _client.SendAsync(juheRequest, " + body.ParameterName + ", " + bodyInfo + ", " + responseInfo + ", cancellationToken);");
                break;
            case RequestBodyModel.Multipart:
                w.Line("return _client.SendAsync(juheRequest, " + RequestEmitter.BodyExpression(client, operation) + ", " + responseInfo + ", cancellationToken);");
                break;
            case RequestBodyModel.NoBody:
                w.Line("return _client.SendAsync(juheRequest, " + responseInfo + ", cancellationToken);");
                break;
        }

        w.Close();
    }
}
