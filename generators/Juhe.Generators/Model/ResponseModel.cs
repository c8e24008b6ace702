using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

/// <summary>
/// One way a generated method reads the answer; each becomes its own method. A closed family, so
/// every emitter switch names each shape.
/// </summary>
internal abstract record ResponseModel
{
    private ResponseModel()
    {
    }

    /// <summary>One JSON answer.</summary>
    /// <param name="Type">The response type (always a generated type).</param>
    /// <param name="ContextProperty">Its <c>JsonTypeInfo</c> property on the JSON context.</param>
    public sealed record Json(TypeRef Type, string ContextProperty) : ResponseModel;

    /// <summary>A file (audio, video, image, bytes), handed out unread as a <c>JuheBinaryResponse</c>.</summary>
    public sealed record Binary : ResponseModel;

    /// <summary>The answer as text (<c>text/plain</c> beside JSON).</summary>
    /// <param name="MethodName">The text method's name, e.g. <c>TranscribeTextAsync</c>.</param>
    public sealed record Text(string MethodName) : ResponseModel;

    /// <summary>A server-sent event stream handed out through a decoder.</summary>
    /// <param name="MethodName">The streaming method's name, e.g. <c>StreamAsync</c>.</param>
    /// <param name="DecoderType">The full name of the decoder type returned.</param>
    /// <param name="FlagMember">
    /// The JSON member of the body that asks for a stream, if any. It goes into <c>JuheRequest.StreamFlag</c>:
    /// the client writes it when serializing, so the caller's request object is never modified.
    /// </param>
    public sealed record Stream(string MethodName, StreamKind Kind, string DecoderType, string? FlagMember) : ResponseModel;

    /// <summary>A task submission: one JSON answer now (the plain method), and the submit/run methods polling with <see cref="Polling"/>.</summary>
    public sealed record Task(Json Submit, TaskModel Polling) : ResponseModel;
}
