using System.Text;
using Juhe.Http;
using Juhe.Samples;
using Juhe.Streaming;
using Juhe.Tests.Support;

namespace Juhe.Tests.Streaming.Gemini;

public class GeminiStreamTests
{
    private static readonly string[] EveryPartKind =
    [
        """{"candidates": [{"content": {"parts": [{"text": "**Plan**\n","thought": true}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 34,"totalTokenCount": 102,"thoughtsTokenCount": 68},"modelVersion": "gemini-2.5-pro"}""",
        """{"candidates": [{"content": {"parts": [{"text": "Hello \u003cb\u003e 你好"}],"role": "model"}}],"usageMetadata": {"promptTokenCount": 34,"candidatesTokenCount": 3,"totalTokenCount": 105,"thoughtsTokenCount": 68}}""",
        """{"candidates": [{"content": {"parts": [{"functionCall": {"name": "get_weather","args": {"city": "Paris"}},"thoughtSignature": "CiQB"}],"role": "model"},"index": 0}]}""",
        """{"candidates": [{"content": {"parts": [{"executableCode": {"language": "PYTHON","code": "print(1)"}},{"codeExecutionResult": {"outcome": "OUTCOME_OK","output": "1\n"}}],"role": "model"},"index": 0}]}""",
        """{"candidates": [{"content": {"parts": [{"inlineData": {"mimeType": "image/png","data": "iVBORw0KGgo="}},{"fileData": {"mimeType": "video/mp4","fileUri": "gs://x"}}],"role": "model"},"index": 0}]}""",
        """{"candidates": [{"content": {"parts": [{"text": "","thoughtSignature": "Sig2"}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 34,"candidatesTokenCount": 9,"totalTokenCount": 111,"thoughtsTokenCount": 68}}""",
    ];

    [Fact]
    public void Every_part_kind_is_read_as_its_typed_view()
    {
        List<GeminiChunkRecord> items = GeminiChunkRecord.ReadAll(GeminiChunkRecord.Sse(EveryPartKind));

        Assert.Equal(6, items.Count);
        Assert.Equal("[Thought|**Plan**\n||]", items[0].Parts);
        Assert.Equal(new GeminiStreamUsage(34, 0, 102, 68), items[0].Usage);
        Assert.Equal("gemini-2.5-pro", items[0].ModelVersion);
        Assert.Equal("[Text|Hello <b> 你好||]", items[1].Parts);
        Assert.Equal(0, items[1].CandidateIndex); // no index sent: its position
        Assert.Equal("[FunctionCall||CiQB|get_weather{\"city\": \"Paris\"}]", items[2].Parts);
        Assert.Null(items[2].Usage);
        Assert.Equal("[ExecutableCode|||PYTHONprint(1)][CodeExecutionResult|||OUTCOME_OK1\n]", items[3].Parts);
        Assert.Equal("[InlineData|||image/pngiVBORw0KGgo=][Other|||]", items[4].Parts);
        Assert.Equal(("[Text||Sig2|]", "STOP"), (items[5].Parts, items[5].FinishReason));
    }

    [Fact]
    public void Inline_data_is_base64_decoded_on_request()
    {
        using var gemini = new GeminiStream(GeminiChunkRecord.Sse(EveryPartKind[4]));

        Assert.True(gemini.TryRead(out GeminiStreamChunk chunk));
        GeminiStreamPart image = chunk.Parts[0];
        Assert.Equal(Convert.FromBase64String("iVBORw0KGgo="), image.DecodeData());
        Span<byte> small = stackalloc byte[2];
        Assert.False(image.TryDecodeData(small, out _));
    }

    [Fact]
    public void A_blocked_prompt_has_no_candidate_and_its_block_reason()
    {
        List<GeminiChunkRecord> items = GeminiChunkRecord.ReadAll(GeminiChunkRecord.Sse(
            """{"promptFeedback": {"blockReason": "SAFETY","safetyRatings": []},"usageMetadata": {"promptTokenCount": 7,"totalTokenCount": 7}}"""));

        GeminiChunkRecord blocked = Assert.Single(items);
        Assert.False(blocked.HasCandidate);
        Assert.Equal(-1, blocked.CandidateIndex);
        Assert.Equal("SAFETY", blocked.BlockReason);
    }

    [Fact]
    public void Several_candidates_are_one_item_each()
    {
        List<GeminiChunkRecord> items = GeminiChunkRecord.ReadAll(GeminiChunkRecord.Sse(
            """{"candidates": [{"content": {"parts": [{"text": "a"}]},"index": 0},{"content": {"parts": [{"text": "b"}]},"index": 1}]}"""));

        Assert.Equal([(0, "[Text|a||]"), (1, "[Text|b||]")], items.Select(i => (i.CandidateIndex, i.Parts)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(13)]
    [InlineData(300)]
    public async Task Any_split_of_the_bytes_reads_the_same_items_sync_and_async(int maxRead)
    {
        byte[] bytes = GeminiChunkRecord.Sse(EveryPartKind).ToArray();
        List<GeminiChunkRecord> whole = GeminiChunkRecord.ReadAll(new MemoryStream(bytes));

        Assert.Equal(whole, GeminiChunkRecord.ReadAll(new ChunkedStream(bytes, maxRead)));
        Assert.Equal(whole, await GeminiChunkRecord.ReadAllAsync(new ChunkedStream(bytes, maxRead, yieldOnAsyncRead: true)));
    }

    [Fact]
    public void The_stream_ends_at_the_end_of_the_bytes_with_the_last_usage()
    {
        using var gemini = new GeminiStream(new MemoryStream(GeminiStreamSamples.Build(6)));
        var text = new StringBuilder();
        string? finish = null;
        while (gemini.TryRead(out GeminiStreamChunk chunk))
        {
            text.Append(chunk.Parts[0].TextString());
            finish = chunk.FinishReasonString();
        }

        Assert.True(gemini.IsCompleted);
        Assert.Equal(ChatStreamSamples.ExpectedText(6), text.ToString());
        Assert.Equal("STOP", finish);
        Assert.Equal(new GeminiStreamUsage(18, 6, 24), gemini.Usage);
    }

    [Fact]
    public void An_error_chunk_raises_the_gateway_error_after_the_chunks_before_it()
    {
        using var gemini = new GeminiStream(GeminiChunkRecord.Sse(
            """{"candidates": [{"content": {"parts": [{"text": "First"}]},"index": 0}]}""",
            """{"error": {"code": 499,"message": "The operation was cancelled.","status": "CANCELLED"}}"""));

        Assert.True(gemini.TryRead(out _));
        var error = Assert.Throws<JuheApiException>(() => gemini.TryRead(out _));
        Assert.Equal(JuheErrorKind.Gateway, error.Kind);
        Assert.Equal("The operation was cancelled.", error.ErrorMessage);
    }

    [Fact]
    public void A_malformed_chunk_says_what_it_was()
    {
        using var gemini = new GeminiStream(GeminiChunkRecord.Sse("{\"candidates\": ["));

        var error = Assert.Throws<JuheApiException>(() => gemini.TryRead(out _));
        Assert.Equal(JuheErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("not a valid Gemini GenerateContentResponse chunk", error.Message, StringComparison.Ordinal);
    }
}
