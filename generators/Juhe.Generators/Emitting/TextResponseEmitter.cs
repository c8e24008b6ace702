using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits the method that reads the answer as text (<c>text/plain</c> beside JSON, such as srt or vtt subtitles).</summary>
internal static class TextResponseEmitter
{
    public static void Emit(CodeWriter w, ClientModel client, OperationModel operation, ResponseModel.Text text)
    {
        RequestEmitter.EmitDocs(w, operation, "Reads the answer as text, for the formats that are not JSON.");
        w.Lines("""
            /// <returns>The answer's text.</returns>
            /// <exception cref="global::Juhe.Http.JuheApiException">The gateway answered with an error (a JSON error envelope counts, whatever the status).</exception>
            """);
        w.Open("public " + RequestEmitter.Task + "<string> " + text.MethodName + "(" + RequestEmitter.ParameterList(operation) + ")");
        RequestEmitter.EmitRequest(w, operation);
        w.Line("return _client.SendForTextAsync(juheRequest, " + RequestEmitter.BodyExpression(client, operation) + ", cancellationToken);");
        w.Close();
    }
}
