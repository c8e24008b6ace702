using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Juhe.Luma;

/// <summary>
/// The JSON metadata of Luma's batch answer, a bare array of generations: each item is read by the
/// generated <see cref="LumaGeneration"/> converter, so no reflection is involved.
/// </summary>
internal static class LumaGenerationListJson
{
    /// <summary>The metadata of the list, for <c>JuheClient.SendAsync</c>.</summary>
    public static JsonTypeInfo<IReadOnlyList<LumaGeneration>> TypeInfo { get; } =
        JsonMetadataServices.CreateValueInfo<IReadOnlyList<LumaGeneration>>(JuheJsonContext.Default.Options, new Converter());

    private sealed class Converter : JsonConverter<IReadOnlyList<LumaGeneration>>
    {
        public override IReadOnlyList<LumaGeneration> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"Luma's batch answer must be a JSON array of generations; it starts with {reader.TokenType}.");
            }

            var generations = new List<LumaGeneration>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                generations.Add(LumaGenerationJsonConverter.Instance.Read(ref reader, typeof(LumaGeneration), options)
                    ?? throw new JsonException($"Item {generations.Count} of Luma's batch answer is null, not a generation."));
            }

            return generations;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<LumaGeneration> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (LumaGeneration generation in value)
            {
                LumaGenerationJsonConverter.Instance.Write(writer, generation, options);
            }

            writer.WriteEndArray();
        }
    }
}
