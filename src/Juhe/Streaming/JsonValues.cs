using System.Text.Json;

namespace Juhe.Streaming;

/// <summary>Small <see cref="Utf8JsonReader"/> helpers the chunk decoders share for values that are never template holes.</summary>
internal static class JsonValues
{
    /// <summary>Reads the value after a property name as an <see cref="int"/>; 0 for null, a non-number or one out of range.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value))
        {
            return value;
        }

        reader.Skip();
        return 0;
    }

    /// <summary>Reads the object after a property name and returns its <paramref name="name"/> member as an <see cref="int"/>, or <paramref name="fallback"/>.</summary>
    public static int ReadNestedInt32(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, int fallback)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return fallback;
        }

        int value = fallback;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
            {
                value = ReadInt32(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return value;
    }

    /// <summary>Skips the value after a property name.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }
}
