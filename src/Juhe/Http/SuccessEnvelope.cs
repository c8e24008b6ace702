using System.Text.Json;

namespace Juhe.Http;

/// <summary>Applies a <see cref="JuheSuccessRule"/> to a 2xx body by looking at its top-level members only.</summary>
internal static class SuccessEnvelope
{
    public static bool IsSuccess(ReadOnlySpan<byte> body, JuheSuccessRule rule)
    {
        if (rule == JuheSuccessRule.None)
        {
            return true;
        }

        ReadOnlySpan<byte> member = rule switch
        {
            JuheSuccessRule.Management => "success"u8,
            JuheSuccessRule.Midjourney or JuheSuccessRule.TaskCode => "code"u8,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown JuheSuccessRule."),
        };

        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return true; // not an envelope at all: reading it as the documented type will say what is wrong
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool match = reader.ValueTextEquals(member);
                reader.Read();
                if (match)
                {
                    return rule switch
                    {
                        JuheSuccessRule.Management => reader.TokenType != JsonTokenType.False,
                        JuheSuccessRule.Midjourney => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int mj) && mj is 1 or 21 or 22,
                        _ => IsTaskSuccess(ref reader),
                    };
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return true;
        }

        // No such member: Midjourney answers always carry one, the others may omit it.
        return rule != JuheSuccessRule.Midjourney;
    }

    private static bool IsTaskSuccess(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.TryGetInt32(out int code) && code is 0 or 200,
        JsonTokenType.String => reader.ValueTextEquals("success"u8) || reader.ValueTextEquals("SUCCESS"u8) || reader.ValueTextEquals("0"u8) || reader.ValueTextEquals(""u8),
        JsonTokenType.True or JsonTokenType.Null => true,
        _ => false,
    };
}
