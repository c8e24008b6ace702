using System.Text.Json;

namespace Juhe.Gateway.Catalog;

/// <summary>What an operation's <c>requestBody</c> and success response say about media types.</summary>
internal sealed class OperationContent
{
    private readonly SchemaNode _operation;

    public OperationContent(SchemaNode operation)
    {
        _operation = operation;
        SuccessStatus = 200;
        if (operation.TryGet("responses", out JsonElement responses) && responses.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty response in responses.EnumerateObject())
            {
                if (response.Name.Length == 3 && response.Name[0] == '2')
                {
                    SuccessStatus = int.TryParse(response.Name, System.Globalization.CultureInfo.InvariantCulture, out int status) ? status : 200;
                    ReadResponse(new SchemaNode(response.Value, operation.Document));
                    break;
                }
            }
        }
    }

    public int SuccessStatus { get; }

    public SchemaNode? JsonAnswer { get; private set; }

    public string? StreamKind { get; private set; }

    public SchemaNode? StreamSchema { get; private set; }

    public string? BinaryMediaType { get; private set; }

    public string? TextMediaType { get; private set; }

    public bool BodyRequired =>
        _operation.Child("requestBody") is { } body && body.TryGet("required", out JsonElement required) && required.ValueKind == JsonValueKind.True;

    /// <summary>The request body's schema for <paramref name="mediaType"/>, if the operation accepts it.</summary>
    public SchemaNode? RequestSchema(string mediaType) =>
        _operation.Child("requestBody")?.Child("content")?.Child(mediaType)?.Child("schema");

    private void ReadResponse(SchemaNode response)
    {
        if (response.Child("content") is not { } content || content.Element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (JsonProperty media in content.Element.EnumerateObject())
        {
            var node = new SchemaNode(media.Value, response.Document);
            string type = media.Name;
            if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                JsonAnswer = node.Child("schema");
            }
            else if (type.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                StreamKind = node.GetString("x-juhe-stream") ?? "sse";
                StreamSchema = node.Child("schema");
            }
            else if (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                TextMediaType ??= type;
            }
            else
            {
                // The first listed file type is the route's default (speech: audio/mpeg for mp3).
                BinaryMediaType ??= type;
            }
        }
    }
}
