using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits the method that sends the request and hands the event stream to its decoder.</summary>
internal static class StreamResponseEmitter
{
    public static void Emit(CodeWriter w, ClientModel client, OperationModel operation, ResponseModel.Stream stream)
    {
        // The model only builds a stream for operations with a JSON body.
        var body = (RequestBodyModel.Json)operation.Body;
        RequestEmitter.EmitDocs(w, operation, "Streams the response as server-sent events.");
        w.Lines("""
            /// <returns>The stream decoder; dispose it to release the connection.</returns>
            /// <exception cref="global::Juhe.Http.JuheApiException">The gateway answered with an error before the stream started.</exception>
            """);
        w.Open("public async " + RequestEmitter.Task + "<" + stream.DecoderType + "> " + stream.MethodName + "(" + RequestEmitter.ParameterList(operation) + ")");
        RequestEmitter.EmitRequest(w, operation);
        w.Lines($$"""
            global::System.IO.Stream stream = await _client.OpenStreamAsync(juheRequest, {{body.ParameterName}}, {{client.ContextFullName}}.Default.{{body.ContextProperty}}, cancellationToken).ConfigureAwait(false);
            return new {{stream.DecoderType}}(stream);
            """);
        w.Close();
    }
}
