using System.Text;
using Juhe.Claude;
using Juhe.Gemini;
using Juhe.Http;
using Juhe.ResponsesApi;
using Juhe.Streaming;

namespace Juhe.EndToEnd.Tests;

// The calls of the native formats: Claude Messages (x-api-key, anthropic-version), Gemini (x-goog-api-key,
// :action paths, alt=sse) and the Responses API, each answer read as its generated type or stream.
public sealed partial class EveryOperationTests
{
    private static GeminiGenerateContentRequest GeminiHello() =>
        GeminiGenerateContentRequest.CreateBuilder([new GeminiContent { Role = GeminiRole.User, Parts = [new GeminiPart { Text = "hello" }] }]).Build();

    private static IEnumerable<KeyValuePair<string, Func<JuheClient, Task>>> NativeFormatCalls() =>
    [
        new("createClaudeMessage", async client =>
        {
            ClaudeMessageRequest request = ClaudeMessageRequest.CreateBuilder("claude-sonnet-4-20250514", 256,
                [new ClaudeMessage { Role = ClaudeRole.User, Content = "hello" }]).Build();
            ClaudeMessageResponse reply = await client.Claude.CreateAsync(request);
            Assert.False(string.IsNullOrEmpty(reply.Id));

            await using ClaudeMessageStream stream = await client.Claude.StreamAsync(request);
            while (await stream.MoveNextAsync())
            {
            }

            Assert.True(stream.IsCompleted);
        }),
        new("generateGeminiContent", async client =>
        {
            GeminiGenerateContentResponse reply = await client.Gemini.GenerateContentAsync("gemini-2.5-flash", GeminiHello());
            Assert.NotNull(reply);
        }),
        new("streamGeminiContent", async client =>
        {
            await using GeminiStream stream = await client.Gemini.StreamGenerateContentAsync("gemini-2.5-flash", GeminiHello());
            var text = new StringBuilder();
            while (await stream.MoveNextAsync())
            {
                foreach (GeminiStreamPart part in stream.Current.Parts)
                {
                    text.Append(Encoding.UTF8.GetString(part.TextUtf8));
                }
            }

            Assert.True(stream.ChunkCount > 0);
        }),
        new("countGeminiTokens", async client =>
            Assert.NotNull(await client.Gemini.CountTokensAsync("gemini-2.5-flash", new GeminiCountTokensRequest { Contents = GeminiHello().Contents }))),
        new("embedGeminiContent", async client =>
        {
            GeminiEmbedContentResponse reply = await client.Gemini.EmbedContentAsync("gemini-embedding-001",
                GeminiEmbedContentRequest.CreateBuilder(new GeminiContent { Parts = [new GeminiPart { Text = "hello" }] }).Build());
            Assert.NotNull(reply.Embedding.Values);
        }),
        new("batchEmbedGeminiContents", async client =>
        {
            GeminiBatchEmbedContentsResponse reply = await client.Gemini.BatchEmbedContentsAsync("gemini-embedding-001", GeminiBatchEmbedContentsRequest.CreateBuilder(
                [new GeminiEmbedContentRequest { Model = "models/gemini-embedding-001", Content = new GeminiContent { Parts = [new GeminiPart { Text = "hello" }] } }]).Build());
            Assert.NotNull(reply.Embeddings);
        }),
        new("listGeminiModels", async client => Assert.NotNull(await client.Gemini.ListModelsAsync())),
        new("createResponse", async client =>
        {
            ResponseCreateRequest request = ResponseCreateRequest.CreateBuilder("gpt-5", "hello").Build();
            ResponseObject reply = await client.Responses.CreateAsync(request);
            Assert.False(string.IsNullOrEmpty(reply.Id));

            await using ResponseStream stream = await client.Responses.StreamAsync(request);
            while (await stream.MoveNextAsync())
            {
            }

            Assert.True(stream.IsCompleted);
        }),
    ];
}
