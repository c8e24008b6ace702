using System.Buffers;
using System.Text.Json;
using Juhe.Chat;
using Juhe.Tests.Support;

namespace Juhe.Tests.Generated;

/// <summary>Writing a request with the generated converters allocates nothing beyond the output buffer.</summary>
[Collection(AllocationMeasurements.Name)]
public class SerializationAllocationTests
{
    [Fact]
    public void Writing_a_request_with_lists_of_messages_parts_tools_and_modalities_allocates_nothing()
    {
        using JsonDocument parameters = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""");
        var request = new ChatCompletionRequest
        {
            Model = "gpt-4o",
            Messages =
            [
                new ChatMessage { Role = ChatRole.System, Content = "Be brief." },
                new ChatMessage { Role = ChatRole.User, Content = new List<ChatContentPart> { new ChatTextContentPart { Type = "text", Text = "What is this?" }, new ChatImageContentPart { Type = "image_url", ImageUrl = new ChatImageUrl { Url = "https://example.com/cat.png" } } } },
                new ChatMessage { Role = ChatRole.User, Content = new ChatContentPart[] { new ChatTextContentPart { Type = "text", Text = "And this?" } } },
            ],
            Tools = [new ChatTool { Type = ChatToolType.Function, Function = new ChatFunctionDefinition { Name = "f", Parameters = parameters.RootElement } }],
            Modalities = new[] { ChatModality.Text },
            Stop = new[] { "END" },
            Metadata = new Dictionary<string, string> { ["trace"] = "t-1" },
        };
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer);
        void Write()
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, request, JuheJsonContext.Default.ChatCompletionRequest);
        }

        Write();
        long allocated = AllocationMeasurement.LeastOf(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Write();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }, expected: 0);

        Assert.Equal(0, allocated);
    }
}
