using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Juhe.Midjourney;

/// <summary>
/// Reads list-by-condition's answer, a bare JSON array of tasks. The schema generator reads only
/// objects, enums and unions as responses, so this one is written by hand over the generated task type.
/// </summary>
internal sealed class MidjourneyTaskListConverter : JsonConverter<IReadOnlyList<MidjourneyTask>>
{
    public static JsonTypeInfo<IReadOnlyList<MidjourneyTask>> TypeInfo { get; } =
        JsonMetadataServices.CreateValueInfo<IReadOnlyList<MidjourneyTask>>(Juhe.JuheJsonContext.Default.Options, new MidjourneyTaskListConverter());

    public override IReadOnlyList<MidjourneyTask> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of Midjourney tasks, found {reader.TokenType}.");
        }

        var tasks = new List<MidjourneyTask>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            tasks.Add(JsonSerializer.Deserialize(ref reader, Juhe.JuheJsonContext.Default.MidjourneyTask)
                ?? throw new JsonException($"Midjourney task {tasks.Count} of the list is null."));
        }

        return tasks;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<MidjourneyTask> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (MidjourneyTask task in value)
        {
            JsonSerializer.Serialize(writer, task, Juhe.JuheJsonContext.Default.MidjourneyTask);
        }

        writer.WriteEndArray();
    }
}
