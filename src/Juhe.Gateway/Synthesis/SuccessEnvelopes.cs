using System.Text.Json;
using System.Text.Json.Nodes;
using Juhe.Gateway.Catalog;

namespace Juhe.Gateway.Synthesis;

/// <summary>
/// Writes the success value of an operation's <c>x-juhe-envelope</c> into a generated answer, as the
/// real gateway would on a call that went well: a generated <c>code</c> of 1 is Kling's failure.
/// Only members the answer already has are changed: the schema says which it carries.
/// </summary>
internal static class SuccessEnvelopes
{
    /// <summary>Sets the success member of <paramref name="envelope"/> in <paramref name="answer"/>.</summary>
    public static void Stamp(JsonNode? answer, SuccessEnvelope envelope)
    {
        if (answer is not JsonObject body)
        {
            return;
        }

        switch (envelope)
        {
            case SuccessEnvelope.Management:
                Replace(body, "success", JsonValue.Create(true));
                Replace(body, "message", JsonValue.Create(string.Empty));
                break;
            case SuccessEnvelope.Midjourney:
                Replace(body, "code", JsonValue.Create(1));
                Replace(body, "description", JsonValue.Create("提交成功")); // the proxy's "submitted"
                break;
            case SuccessEnvelope.TaskCode:
                // Kling's codes are numbers (0), other task APIs say "success"; the schema's first type decides.
                // Their messages follow: Kling says "SUCCEED", new-api's task envelope an empty message.
                if (body["code"] is JsonValue code)
                {
                    bool textCode = code.GetValueKind() == JsonValueKind.String;
                    body["code"] = textCode ? JsonValue.Create("success") : JsonValue.Create(0);
                    Replace(body, "message", JsonValue.Create(textCode ? string.Empty : "SUCCEED"));
                }

                break;
        }
    }

    private static void Replace(JsonObject body, string name, JsonValue value)
    {
        if (body.ContainsKey(name))
        {
            body[name] = value;
        }
    }
}
