using System.Text.Json.Serialization;

namespace Juhe.Tests.Http;

public sealed record Greeting(string Name, int N);

public sealed record Reply(string Text);

/// <summary>A body that counts how often the serializer reads it, to prove it is serialized once.</summary>
public sealed class CountingBody
{
    [JsonIgnore]
    public int Reads { get; private set; }

    public int Value
    {
        get
        {
            Reads++;
            return 7;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(Reply))]
[JsonSerializable(typeof(CountingBody))]
internal sealed partial class HttpTestJson : JsonSerializerContext;
