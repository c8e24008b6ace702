using System.Buffers;
using System.Text.Json;
using Juhe.Gateway.Catalog;

namespace Juhe.Gateway.Serving;

/// <summary>An error as new-api answers it: a status and the family's envelope (catalogue §0.3).</summary>
internal sealed record ErrorReply(int Status, string Message, string Type, string? Code, string? Param = null)
{
    /// <summary>Writes the envelope of <paramref name="style"/>; <paramref name="requestId"/> ends the message, as new-api's do.</summary>
    public byte[] ToJson(ErrorStyle style, string requestId)
    {
        string message = $"{Message} (request id: {requestId})";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            switch (style)
            {
                case ErrorStyle.Claude:
                    json.WriteString("type", "error");
                    json.WriteStartObject("error");
                    json.WriteString("type", ClaudeType());
                    json.WriteString("message", message);
                    json.WriteEndObject();
                    break;
                case ErrorStyle.Task:
                    json.WriteString("code", Code ?? Type);
                    json.WriteString("message", message);
                    json.WriteNull("data");
                    break;
                case ErrorStyle.Midjourney:
                    json.WriteNumber("code", Status == 429 ? 23 : 4);
                    json.WriteString("description", message);
                    json.WriteNull("result");
                    break;
                case ErrorStyle.Management:
                    json.WriteBoolean("success", false);
                    json.WriteString("message", message);
                    break;
                default:
                    WriteOpenAIError(json, message);
                    break;
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The <c>{"error":{…}}</c> object of OpenAI-style routes, also used by pre-relay middleware on every route.</summary>
    private void WriteOpenAIError(Utf8JsonWriter json, string message)
    {
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteString("type", Type);
        if (Code is not null) // new-api's middleware errors carry neither param nor code
        {
            json.WriteString("param", Param ?? string.Empty);
            json.WriteString("code", Code);
        }

        json.WriteEndObject();
    }

    private string ClaudeType() => Status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        _ => "api_error",
    };

    /// <summary>A request body or parameter that does not match the schema.</summary>
    public static ErrorReply Invalid(ValidationProblem problem) =>
        new(400, problem.Message, "invalid_request_error", "invalid_request", problem.Field);

    /// <summary>A body that is not JSON at all.</summary>
    public static ErrorReply UnreadableBody(string detail) =>
        new(400, $"invalid request body: {detail}", "invalid_request_error", "bad_request_body");
}
