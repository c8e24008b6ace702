using System.Text;
using Juhe.Gateway;
using Juhe.Http;
using Juhe.Streaming;

namespace Juhe.EndToEnd.Tests;

/// <summary>Chat and completions streams end to end: JuheClient's decoders reading the gateway's framing.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task A_chat_stream_delivers_the_answer_then_the_usage_chunk_when_include_usage_is_set()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway);

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat(includeUsage: true));
        string text = await ReadAllAsync(chat);

        Assert.Equal(Requests.AnswerFor("gpt-4o"), text);
        Assert.True(chat.IsCompleted);
        Assert.NotNull(chat.Usage);
        Assert.Equal(chat.Usage.Value.PromptTokens + chat.Usage.Value.CompletionTokens, chat.Usage.Value.TotalTokens);
    }

    [Fact]
    public async Task A_chat_stream_without_include_usage_carries_no_usage()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway);

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat());
        await ReadAllAsync(chat);

        Assert.True(chat.IsCompleted);
        Assert.Null(chat.Usage);
    }

    [Fact]
    public async Task A_reasoning_model_streams_its_reasoning_before_the_answer()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway);

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat("deepseek-reasoner"));
        var reasoning = new StringBuilder();
        var content = new StringBuilder();
        while (await chat.MoveNextAsync())
        {
            Assert.True(content.Length == 0 || chat.Current.ReasoningUtf8.IsEmpty, "reasoning arrived after the answer began");
            reasoning.Append(Encoding.UTF8.GetString(chat.Current.ReasoningUtf8));
            content.Append(Encoding.UTF8.GetString(chat.Current.ContentUtf8));
        }

        Assert.NotEqual(0, reasoning.Length);
        Assert.Equal(Requests.AnswerFor("deepseek-reasoner"), content.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Events_written_in_small_pieces_with_pacing_decode_to_the_same_answer(int pieceBytes)
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        var headers = new HeaderInjector { Headers = { ["X-Juhe-Chunk-Bytes"] = pieceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), ["X-Juhe-Pacing-Ms"] = "1" } };
        using JuheClient client = Gateways.ClientFor(gateway, headers);

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat(includeUsage: true));

        Assert.Equal(Requests.AnswerFor("gpt-4o"), await ReadAllAsync(chat));
        Assert.NotNull(chat.Usage);
    }

    [Fact]
    public async Task Gateway_wide_pacing_and_piece_size_apply_to_every_stream()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { StreamChunkBytes = 3, StreamPacing = TimeSpan.FromMilliseconds(1) });
        using JuheClient client = Gateways.ClientFor(gateway);

        await using CompletionStream completion = await client.Completions.StreamAsync(Requests.Completion());

        Assert.Equal(Requests.AnswerFor("gpt-3.5-turbo-instruct"), await ReadAllAsync(completion));
    }

    [Fact]
    public async Task A_long_stream_has_as_many_tokens_as_asked_for_and_usage_that_counts_them()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        var headers = new HeaderInjector { Headers = { ["X-Juhe-Answer-Tokens"] = "1000" } };
        using JuheClient client = Gateways.ClientFor(gateway, headers);

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat(includeUsage: true));
        int contentChunks = 0;
        while (await chat.MoveNextAsync())
        {
            contentChunks += chat.Current.ContentUtf8.IsEmpty ? 0 : 1;
        }

        Assert.Equal(1000, contentChunks);
        Assert.Equal(1000, chat.Usage!.Value.CompletionTokens);
    }

    [Fact]
    public async Task Batched_writes_deliver_the_same_stream()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { BatchStreamWrites = true, AnswerTokens = 5000 });
        using JuheClient client = Gateways.ClientFor(gateway);

        await using ChatCompletionStream chat = await client.Chat.StreamAsync(Requests.Chat(includeUsage: true));
        string text = await ReadAllAsync(chat);

        Assert.StartsWith(Requests.AnswerFor("gpt-4o"), text, StringComparison.Ordinal);
        Assert.True(chat.IsCompleted);
        Assert.Equal(5000, chat.Usage!.Value.CompletionTokens);
    }

    [Fact]
    public async Task A_completions_stream_delivers_the_text_and_its_usage()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway);

        await using CompletionStream completion = await client.Completions.StreamAsync(Requests.Completion(includeUsage: true));

        Assert.Equal(Requests.AnswerFor("gpt-3.5-turbo-instruct"), await ReadAllAsync(completion));
        Assert.True(completion.IsCompleted);
        Assert.NotNull(completion.Usage);
    }

    internal static async Task<string> ReadAllAsync(ChatCompletionStream chat)
    {
        var text = new StringBuilder();
        while (await chat.MoveNextAsync())
        {
            text.Append(Encoding.UTF8.GetString(chat.Current.ContentUtf8));
        }

        return text.ToString();
    }

    internal static async Task<string> ReadAllAsync(CompletionStream completion)
    {
        var text = new StringBuilder();
        while (await completion.MoveNextAsync())
        {
            text.Append(Encoding.UTF8.GetString(completion.Current.TextUtf8));
        }

        return text.ToString();
    }
}
