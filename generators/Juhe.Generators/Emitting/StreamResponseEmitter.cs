using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits the method that sends the request and hands the event stream to its decoder.</summary>
internal static class StreamResponseEmitter
{
    public static void Emit(CodeWriter w, ClientModel client, OperationModel operation, ResponseModel.Stream stream)
    {
        RequestEmitter.EmitDocs(w, operation, "Streams the response as server-sent events.");
        w.Lines("""
            /// <returns>The stream decoder; dispose it to release the connection.</returns>
            /// <exception cref="global::Juhe.Http.JuheApiException">The gateway answered with an error before the stream started.</exception>
            """);
        w.Open("public async " + RequestEmitter.Task + "<" + stream.DecoderType + "> " + stream.MethodName + "(" + RequestEmitter.ParameterList(operation) + ")");
        RequestEmitter.EmitRequest(w, operation);
        w.Lines($$"""
            global::System.IO.Stream stream = await {{OpenCall(client, operation)}}.ConfigureAwait(false);
            return new {{stream.DecoderType}}(stream);
            """);
        w.Close();
    }

    /// <summary>The call that opens the stream; a JSON body keeps the typed overload (the model only builds streams for operations with a body).</summary>
    private static string OpenCall(ClientModel client, OperationModel operation) => operation.Body is RequestBodyModel.Json body
        ? "_client.OpenStreamAsync(juheRequest, " + body.ParameterName + ", " + client.ContextFullName + ".Default." + body.ContextProperty + ", cancellationToken)"
        : "_client.OpenStreamAsync(juheRequest, " + RequestEmitter.BodyExpression(client, operation) + ", cancellationToken)";
}
