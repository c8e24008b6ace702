using Juhe.Chat;
using Juhe.Completions;
using Juhe.Embeddings;
using Juhe.Gateway;
using Juhe.Http;
using Juhe.Models;

namespace Juhe.EndToEnd.Tests;

/// <summary>Every operation of the schema files, called through its generated client against the gateway over loopback.</summary>
public sealed partial class EveryOperationTests
{
    /// <summary>
    /// One call per operationId, asserting on the typed answer. A schema operation without an entry
    /// fails <see cref="Every_schema_operation_has_a_call_in_the_table"/>: add one when a schema grows.
    /// </summary>
    private static readonly Dictionary<string, Func<JuheClient, Task>> Calls = new(StringComparer.Ordinal)
    {
        ["createChatCompletion"] = async client =>
        {
            ChatCompletion reply = await client.Chat.CreateAsync(Requests.Chat("deepseek-reasoner"));
            Assert.StartsWith("chatcmpl-", reply.Id, StringComparison.Ordinal);
            Assert.Equal("chat.completion", reply.Object);
            Assert.Equal("deepseek-reasoner", reply.Model);
            Assert.Equal(Requests.AnswerFor("deepseek-reasoner"), reply.Choices[0].Message.Content);
            Assert.Equal(ChatRole.Assistant, reply.Choices[0].Message.Role);
            Assert.Equal(ChatFinishReason.Stop, reply.Choices[0].FinishReason);
            Assert.Equal(reply.Usage!.PromptTokens + reply.Usage.CompletionTokens, reply.Usage.TotalTokens);
        },
        ["createCompletion"] = async client =>
        {
            Completion reply = await client.Completions.CreateAsync(Requests.Completion());
            Assert.StartsWith("cmpl-", reply.Id, StringComparison.Ordinal);
            Assert.Equal("text_completion", reply.Object);
            Assert.Equal(Requests.AnswerFor("gpt-3.5-turbo-instruct"), reply.Choices[0].Text);
        },
        ["createEmbedding"] = async client =>
        {
            EmbeddingResponse reply = await client.Embeddings.CreateAsync(EmbeddingRequest.CreateBuilder("text-embedding-3-small", "hello").Build());
            Assert.Equal("text-embedding-3-small", reply.Model);
            Assert.Equal(0, reply.Data[0].Index);
            Assert.NotEmpty(reply.Data[0].EmbeddingValue.DoubleList!);
            Assert.Equal(reply.Usage!.PromptTokens, reply.Usage.TotalTokens);
        },
        ["listModels"] = async client =>
        {
            ModelList list = await client.Models.ListAsync();
            Assert.Contains(list.Data, model => model.Id == "gpt-4o");
            Assert.Contains(list.Data, model => model.Id == "claude-sonnet-4-20250514");
            Assert.All(list.Data, model => Assert.Equal("model", model.Object));
        },
        ["retrieveModel"] = async client =>
        {
            Model model = await client.Models.GetAsync("org/any-model:v2");
            Assert.Equal("org/any-model:v2", model.Id); // any name is answered, escaped characters intact
        },
    };

    static EveryOperationTests()
    {
        foreach ((string operationId, Func<JuheClient, Task> call) in EngineFamilyCalls().Concat(NativeFormatCalls()).Concat(VideoFamilyCalls())
            .Concat(ImageCalls()).Concat(IdeogramCalls()).Concat(MidjourneyCalls()).Concat(ReplicateCalls()).Concat(FalCalls()))
        {
            Calls.Add(operationId, call);
        }
    }

    public static TheoryData<string> OperationIds() => [.. JuheGateway.Operations.Select(o => o.OperationId)];

    [Fact]
    public void The_gateway_serves_every_operation_of_every_embedded_schema_file()
    {
        string schemas = Path.Combine(RepositoryRoot(), "src", "Juhe", "Schemas");
        string[] files = [.. Directory.GetFiles(schemas, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        Assert.Equal(files, JuheGateway.Operations.Select(o => o.SchemaFile).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(JuheGateway.Operations.Count, JuheGateway.Operations.Select(o => o.OperationId).Distinct().Count());
    }

    [Fact]
    public void Every_schema_operation_has_a_call_in_the_table()
    {
        string[] missing = [.. JuheGateway.Operations.Select(o => o.OperationId).Where(id => !Calls.ContainsKey(id))];

        Assert.True(missing.Length == 0, $"Add a call to EveryOperationTests.Calls for: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Each_operation_answers_its_generated_client_with_a_typed_result(string operationId)
    {
        Assert.True(Calls.TryGetValue(operationId, out Func<JuheClient, Task>? call), $"No call for {operationId} in the table.");
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway);

        await call(client);

        // A task's poll is reached by submitting first: the operation is the last call (result files
        // fetched after it are no operation), and every call succeeded.
        Assert.Equal(operationId, gateway.Calls.Last(c => c.OperationId is not null).OperationId);
        Assert.All(gateway.Calls, received => Assert.InRange(received.StatusCode, 200, 299)); // Replicate creates with 201
    }

    [Fact]
    public async Task The_same_request_gets_the_same_answer()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway);

        ChatCompletion first = await client.Chat.CreateAsync(Requests.Chat());
        ChatCompletion second = await client.Chat.CreateAsync(Requests.Chat());

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Usage!.TotalTokens, second.Usage!.TotalTokens);
    }

    [Fact]
    public async Task Embeddings_asked_for_as_base64_come_as_little_endian_float32_like_the_official_SDKs_expect()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync();
        using JuheClient client = Gateways.ClientFor(gateway);

        EmbeddingResponse reply = await client.Embeddings.CreateAsync(
            EmbeddingRequest.CreateBuilder("text-embedding-3-small", "hello").WithEncodingFormat(EmbeddingEncodingFormat.Base64).Build());

        byte[] vector = Convert.FromBase64String(reply.Data[0].EmbeddingValue.String!);
        Assert.Equal(8 * sizeof(float), vector.Length);
        Assert.All(Enumerable.Range(0, 8), i => Assert.InRange(BitConverter.ToSingle(vector, i * sizeof(float)), -0.1f, 0.1f));
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NativeAot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (the folder of NativeAot.sln) is not above the test binaries.");
    }
}
