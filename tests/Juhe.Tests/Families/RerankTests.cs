using System.Net;
using System.Text.Json;
using Juhe.Http;
using Juhe.Rerank;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;

namespace Juhe.Tests.Families;

/// <summary><c>client.Rerank</c> (catalogue §7): the request on the wire, the answer read back, errors raised.</summary>
public class RerankTests
{
    private const string Gateway = "https://gateway.example.com";

    [Fact]
    public async Task CreateAsync_posts_string_documents_top_n_and_return_documents_and_reads_index_score_and_document()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, ImageFamilyPayloads.RerankResponse));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);
        RerankRequest request = RerankRequest
            .CreateBuilder("BAAI/bge-reranker-v2-m3", "capital of France", ["Berlin is in Germany", "Paris is the capital of France"])
            .WithTopN(1)
            .WithReturnDocuments(true)
            .Build();

        RerankResponse response = await client.Rerank.CreateAsync(request);

        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(Gateway + "/v1/rerank", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        JsonAssert.Equivalent(ImageFamilyPayloads.RerankRequest, sent.BodyText);
        RerankResult best = Assert.Single(response.Results);
        Assert.Equal((1, 0.98), (best.Index, best.RelevanceScore));
        Assert.Equal("Paris is the capital of France", best.Document!.Fields!.Text);
        Assert.Equal(18, response.Usage!.TotalTokens);
    }

    [Fact]
    public async Task Object_documents_are_sent_with_every_member_they_carry()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"results":[]}"""));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);
        var document = new RerankDocumentObject
        {
            Text = "Paris",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["title"] = JsonElement.Parse("\"Cities\"") },
        };
        RerankRequest request = RerankRequest.CreateBuilder("rerank-multilingual-v3.0", "capital", [document, "Berlin"])
            .WithMaxChunkPerDoc(4)
            .WithOverlapTokens(16)
            .Build();

        await client.Rerank.CreateAsync(request);

        JsonAssert.Equivalent(
            """{"model":"rerank-multilingual-v3.0","query":"capital","documents":[{"text":"Paris","title":"Cities"},"Berlin"],"max_chunk_per_doc":4,"overlap_tokens":16}""",
            Assert.Single(handler.Requests).BodyText);
    }

    [Fact]
    public async Task A_document_echoed_as_a_plain_string_is_read_as_text()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK,
            """{"results":[{"index":0,"relevance_score":0.5,"document":"Berlin is in Germany"},{"index":1,"relevance_score":0.25}]}"""));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);

        RerankResponse response = await client.Rerank.CreateAsync(RerankRequest.CreateBuilder("jina-reranker-v2-base-multilingual", "q", ["Berlin is in Germany", "x"]).Build());

        Assert.Equal("Berlin is in Germany", response.Results[0].Document!.Text);
        Assert.Null(response.Results[1].Document);
        Assert.Null(response.Usage);
    }

    [Fact]
    public async Task An_OpenAI_error_envelope_raises_JuheApiException_with_the_gateway_message_and_no_key()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.BadRequest, "invalid_documents"));
        using JuheClient client = TestClients.Create(handler, maxRetries: 0);

        JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Rerank.CreateAsync(RerankRequest.CreateBuilder("m", "q", ["d"]).Build()));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_documents"), (e.StatusCode, e.ErrorCode));
        Assert.DoesNotContain(TestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Building_without_documents_names_the_missing_member()
    {
        var builder = new RerankRequestBuilder().WithModel("m").WithQuery("q");

        var e = Assert.ThrowsAny<InvalidOperationException>(() => builder.Build());

        Assert.Contains("documents", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
