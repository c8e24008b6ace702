using System.Text.Json;
using Juhe.Chat;

namespace Juhe.Benchmarks.Serialization;

/// <summary>
/// One realistic chat request built twice with the same values: as the generated
/// <see cref="ChatCompletionRequest"/> and as the hand-written <see cref="StjChatRequest"/>.
/// </summary>
internal static class ChatRequestSamples
{
    private const string SystemPrompt =
        "You are a careful travel assistant. Answer in the user's language, keep answers under 120 words, " +
        "cite the tool results you used, and never invent opening hours or prices.";

    private const string Question = "这张照片是在哪里拍的？ Plan a rainy-day afternoon nearby, with \"indoor\" options only.";

    private const string ImageUrl = "https://images.example.com/uploads/2025/04/11/photo-8f3a2c.jpg";

    private static readonly JsonElement WeatherParameters = JsonDocument.Parse(
        """
        {"type":"object","properties":{
          "city":{"type":"string","description":"City name, e.g. Paris"},
          "unit":{"type":"string","enum":["celsius","fahrenheit"]},
          "days":{"type":"integer","minimum":1,"maximum":7}},
         "required":["city"],"additionalProperties":false}
        """).RootElement;

    private static readonly JsonElement PlacesParameters = JsonDocument.Parse(
        """
        {"type":"object","properties":{
          "query":{"type":"string"},
          "near":{"type":"object","properties":{"lat":{"type":"number"},"lon":{"type":"number"}},"required":["lat","lon"]},
          "open_now":{"type":"boolean"}},
         "required":["query","near"]}
        """).RootElement;

    private static readonly JsonElement AnswerSchema = JsonDocument.Parse(
        """
        {"type":"object","properties":{
          "place":{"type":"string"},
          "plan":{"type":"array","items":{"type":"object","properties":{"time":{"type":"string"},"activity":{"type":"string"}},"required":["time","activity"]}}},
         "required":["place","plan"],"additionalProperties":false}
        """).RootElement;

    public static ChatCompletionRequest Generated() => new()
    {
        Model = "gpt-4o",
        Messages =
        [
            new ChatMessage { Role = ChatRole.System, Content = SystemPrompt },
            new ChatMessage { Role = ChatRole.User, Content = "Hi! I'm in Europe for a week." },
            new ChatMessage
            {
                Role = ChatRole.User,
                Content = new List<ChatContentPart>
                {
                    new ChatTextContentPart { Type = "text", Text = Question },
                    new ChatImageContentPart { Type = "image_url", ImageUrl = new ChatImageUrl { Url = ImageUrl, Detail = ChatImageDetail.High } },
                },
            },
        ],
        Stream = true,
        StreamOptions = new ChatStreamOptions { IncludeUsage = true },
        MaxTokens = 800,
        Temperature = 0.3,
        Tools =
        [
            new ChatTool { Type = ChatToolType.Function, Function = new ChatFunctionDefinition { Name = "get_weather", Description = "Current weather and forecast for a city.", Parameters = WeatherParameters, Strict = true } },
            new ChatTool { Type = ChatToolType.Function, Function = new ChatFunctionDefinition { Name = "search_places", Description = "Search places near a point.", Parameters = PlacesParameters } },
        ],
        ToolChoice = ChatToolChoiceMode.Auto,
        ResponseFormat = new ChatResponseFormat
        {
            Type = ChatResponseFormatType.JsonSchema,
            JsonSchema = new ChatJsonSchema { Name = "afternoon_plan", Strict = true, Schema = AnswerSchema },
        },
    };

    public static StjChatRequest HandWritten() => new()
    {
        Model = "gpt-4o",
        Messages =
        [
            new StjMessage { Role = "system", Content = new StjContent { Text = SystemPrompt } },
            new StjMessage { Role = "user", Content = new StjContent { Text = "Hi! I'm in Europe for a week." } },
            new StjMessage
            {
                Role = "user",
                Content = new StjContent
                {
                    Parts =
                    [
                        new StjPart { Type = "text", Text = Question },
                        new StjPart { Type = "image_url", ImageUrl = new StjImageUrl { Url = ImageUrl, Detail = "high" } },
                    ],
                },
            },
        ],
        Stream = true,
        StreamOptions = new StjStreamOptions { IncludeUsage = true },
        MaxTokens = 800,
        Temperature = 0.3,
        Tools =
        [
            new StjTool { Type = "function", Function = new StjFunction { Name = "get_weather", Description = "Current weather and forecast for a city.", Parameters = WeatherParameters, Strict = true } },
            new StjTool { Type = "function", Function = new StjFunction { Name = "search_places", Description = "Search places near a point.", Parameters = PlacesParameters } },
        ],
        ToolChoice = "auto",
        ResponseFormat = new StjResponseFormat
        {
            Type = "json_schema",
            JsonSchema = new StjJsonSchema { Name = "afternoon_plan", Strict = true, Schema = AnswerSchema },
        },
    };
}
