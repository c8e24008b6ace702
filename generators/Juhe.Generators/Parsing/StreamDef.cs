namespace Juhe.Generators.Parsing;

/// <summary>The <c>text/event-stream</c> response of an operation.</summary>
/// <param name="MethodName">The stem of the streaming method (<c>x-juhe-stream-method</c>, default <c>Stream</c>).</param>
/// <param name="Flag">The JSON name of the body's boolean member that asks for a stream (<c>x-juhe-stream-flag</c>), if any.</param>
internal sealed record StreamDef(StreamKind Kind, string MethodName, string? Flag, TextPosition Position);
