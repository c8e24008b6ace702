using Juhe.Streaming;

namespace Juhe.Tests.Streaming.RealStreams;

/// <summary>What particular recorded streams are known to hold (realstreams/README.md), so the oracle and the decoders cannot agree on nothing.</summary>
public class RealStreamFactsTests
{
    [RealStreamsTheory]
    [InlineData("openai-chat", "pyd__groq_event_error.sse", "gateway error")]
    [InlineData("openai-chat", "pyd__openrouter_error_chunk.sse", "gateway error")]
    [InlineData("openai-chat", "kgw__n3_final_done_unterminated.sse", "completed")]
    [InlineData("openai-chat", "pyd__snowflake_no_finish_reason.sse", "completed")]
    [InlineData("openai-responses", "vai__error_then_failed.sse", "gateway error")]
    [InlineData("openai-responses", "pyd__openrouter_raw_cot_done.sse", "completed")]
    [InlineData("anthropic", "pyd__compaction_emoji.sse", "completed")]
    [InlineData("gemini", "fvx__prompt_blocked.sse", "completed")]
    public void Recorded_streams_end_as_they_were_recorded(string format, string file, string end)
    {
        StreamSummary summary = format switch
        {
            "openai-chat" => Oracles.Chat(RealStreamFiles.Read(format, file)),
            "openai-responses" => Oracles.Responses(RealStreamFiles.Read(format, file)),
            "anthropic" => Oracles.Claude(RealStreamFiles.Read(format, file)),
            _ => Oracles.Gemini(RealStreamFiles.Read(format, file)),
        };

        Assert.Equal(end, summary.End);
    }

    [RealStreamsFact]
    public void A_blocked_Gemini_prompt_that_ends_without_a_blank_line_still_reports_its_block_reason()
    {
        using var gemini = new GeminiStream(new MemoryStream(RealStreamFiles.Read("gemini", "fvx__prompt_blocked.sse")));

        Assert.True(gemini.TryRead(out GeminiStreamChunk chunk));
        Assert.False(chunk.HasCandidate);
        Assert.Equal("SAFETY"u8, chunk.BlockReasonUtf8);
    }

    [RealStreamsFact]
    public void Snowflake_Cortex_reaches_DONE_without_a_finish_reason()
    {
        using var chat = new ChatCompletionStream(new MemoryStream(RealStreamFiles.Read("openai-chat", "pyd__snowflake_no_finish_reason.sse")));
        while (chat.TryRead(out _))
        {
        }

        Assert.True(chat.EndedWithoutFinishReason);
    }

    [RealStreamsFact]
    public void Mistral_thinking_parts_arrive_as_reasoning()
    {
        StreamSummary summary = Oracles.Chat(RealStreamFiles.Read("openai-chat", "pyd__mistral_content_array.sse"));

        Assert.Contains("c0.reasoning = Okay, the user", summary.ToString(), StringComparison.Ordinal);
    }

    [RealStreamsFact]
    public void Claude_usage_is_merged_not_added_when_message_delta_restates_it()
    {
        using var claude = new ClaudeMessageStream(new MemoryStream(RealStreamFiles.Read("anthropic", "pyd__compaction_emoji.sse")));
        while (claude.TryRead(out _))
        {
        }

        Assert.Equal(181, claude.Usage?.InputTokens);
    }

    /// <summary>
    /// A limit of event-stream framing, kept on purpose: raw JSON lines between events are unknown
    /// fields to an SSE reader, so this curated stream's bare error object is not seen. Gemini has no
    /// end event, so the stream reads as complete; its finish reasons are what remains to check.
    /// </summary>
    [RealStreamsFact]
    public void A_bare_JSON_error_outside_any_data_line_is_not_an_event()
    {
        StreamSummary summary = Oracles.Gemini(RealStreamFiles.Read("gemini", "fvx__error_mid_stream_bare_json.sse"));

        Assert.Equal("completed", summary.End);
    }
}
