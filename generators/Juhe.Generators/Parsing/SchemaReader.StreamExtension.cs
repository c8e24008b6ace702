using Juhe.Generators.Diagnostics;

namespace Juhe.Generators.Parsing;

// The x-juhe-stream extension of a text/event-stream response, with x-juhe-stream-method and
// x-juhe-stream-flag (each may sit on the media type or on the operation).
internal sealed partial class SchemaReader
{
    private StreamDef? ReadStream(JsonObjectNode operation, JsonObjectNode? media, JsonMember content, string where)
    {
        string? kindText = media is null ? null : OptionalString(media, "x-juhe-stream");
        if (kindText is null)
        {
            Report(JuheDiagnostics.MissingMember, content.NamePosition, "The \"text/event-stream\" response of " + where, "x-juhe-stream", "add \"x-juhe-stream\": \"chat-completions\", \"completions\", \"claude\", \"gemini\", \"responses\" or \"sse\"");
            return null;
        }

        StreamKind? kind = kindText switch
        {
            "sse" => StreamKind.Sse,
            "chat-completions" => StreamKind.ChatCompletions,
            "completions" => StreamKind.Completions,
            "claude" => StreamKind.Claude,
            "gemini" => StreamKind.Gemini,
            "responses" => StreamKind.Responses,
            _ => null,
        };
        if (kind is null)
        {
            Report(JuheDiagnostics.UnknownStreamKind, media!["x-juhe-stream"]!.Start, kindText);
            return null;
        }

        string streamMethod = (media is null ? null : OptionalString(media, "x-juhe-stream-method")) ?? OptionalString(operation, "x-juhe-stream-method") ?? "Stream";
        CheckIdentifier(streamMethod, media?["x-juhe-stream-method"] ?? operation["x-juhe-stream-method"], "x-juhe-stream-method");
        string? flag = OptionalString(operation, "x-juhe-stream-flag") ?? (media is null ? null : OptionalString(media, "x-juhe-stream-flag"));
        return new StreamDef(kind.Value, streamMethod, flag, content.NamePosition);
    }
}
