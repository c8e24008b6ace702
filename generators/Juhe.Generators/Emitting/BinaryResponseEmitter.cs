using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits the method that sends the request and hands the file answer out unread.</summary>
internal static class BinaryResponseEmitter
{
    public static void Emit(CodeWriter w, ClientModel client, OperationModel operation)
    {
        RequestEmitter.EmitDocs(w, operation, null);
        w.Lines("""
            /// <returns>The file, streamed from the connection as it is read or saved; dispose it to release the connection.</returns>
            /// <exception cref="global::Juhe.Http.JuheApiException">The gateway answered with an error (a JSON or HTML body where a file was expected counts).</exception>
            """);
        w.Open("public " + RequestEmitter.Task + "<global::Juhe.Http.JuheBinaryResponse> " + operation.MethodName + "(" + RequestEmitter.ParameterList(operation) + ")");
        RequestEmitter.EmitRequest(w, operation);
        w.Line("return _client.SendForBinaryAsync(juheRequest, " + RequestEmitter.BodyExpression(client, operation) + ", cancellationToken);");
        w.Close();
    }
}
