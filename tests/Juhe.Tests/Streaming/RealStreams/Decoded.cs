using System.Text;
using Juhe.Http;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming.RealStreams;

/// <summary>The same summaries as <see cref="Oracles"/>, read with Juhe's typed streams, synchronously or asynchronously.</summary>
internal static class Decoded
{
    public static async Task<StreamSummary> ChatAsync(Stream input, bool async)
    {
        var summary = new StreamSummary();
        await using var chat = new ChatCompletionStream(input);
        await Read(summary, async () => async ? await chat.MoveNextAsync() : chat.TryRead(out _), () => Add(summary, chat.Current));
        summary.Usage = chat.Usage is { } u ? $"{u.PromptTokens}/{u.CompletionTokens}/{u.TotalTokens}" : "";
        return summary;

        static void Add(StreamSummary summary, ChatCompletionChunk chunk)
        {
            if (!chunk.HasChoice)
            {
                return;
            }

            string c = "c" + chunk.ChoiceIndex;
            summary.Append(c + ".text", chunk.ContentString());
            summary.Append(c + ".reasoning", chunk.ReasoningString());
            foreach (ChatToolCallFragment call in chunk.ToolCalls)
            {
                string t = $"{c}.tool{call.Index}";
                summary.Append(t + ".id", call.IdString());
                summary.Append(t + ".name", call.NameString());
                summary.Append(t + ".args", call.ArgumentsString());
            }

            if (!chunk.FinishReasonUtf8.IsEmpty)
            {
                summary.Set(c + ".finish", S(chunk.FinishReasonUtf8));
            }
        }
    }

    public static async Task<StreamSummary> ClaudeAsync(Stream input, bool async)
    {
        var summary = new StreamSummary();
        await using var claude = new ClaudeMessageStream(input);
        await Read(summary, async () => async ? await claude.MoveNextAsync() : claude.TryRead(out _), () => Add(summary, claude.Current));
        summary.Usage = claude.Usage is { } u ? $"{u.InputTokens}/{u.OutputTokens}/{u.CacheCreationInputTokens}/{u.CacheReadInputTokens}" : "";
        return summary;

        static void Add(StreamSummary summary, ClaudeStreamEvent e)
        {
            string b = "b" + e.Index;
            switch (e.Kind)
            {
                case ClaudeStreamEventKind.ContentBlockStart:
                    summary.Set(b + ".kind", S(e.BlockTypeUtf8));
                    summary.Append(b + ".tool", S(e.ToolIdUtf8) + S(e.ToolNameUtf8));
                    break;
                case ClaudeStreamEventKind.ContentBlockDelta:
                    string field = e.DeltaKind switch
                    {
                        ClaudeStreamDeltaKind.Text => "text",
                        ClaudeStreamDeltaKind.Thinking => "thinking",
                        ClaudeStreamDeltaKind.Signature => "signature",
                        ClaudeStreamDeltaKind.InputJson => "input",
                        _ => "",
                    };
                    if (field.Length > 0)
                    {
                        summary.Append($"{b}.{field}", S(e.TextUtf8) + S(e.ThinkingUtf8) + S(e.SignatureUtf8) + S(e.PartialJsonUtf8));
                    }

                    break;
                case ClaudeStreamEventKind.MessageDelta when !e.StopReasonUtf8.IsEmpty:
                    summary.Set("stop", S(e.StopReasonUtf8));
                    break;
            }
        }
    }

    public static async Task<StreamSummary> ResponsesAsync(Stream input, bool async)
    {
        var summary = new StreamSummary();
        await using var responses = new ResponseStream(input);
        await Read(summary, async () => async ? await responses.MoveNextAsync() : responses.TryRead(out _), () => Add(summary, responses.Current));
        summary.Usage = responses.Usage is { } u ? $"{u.InputTokens}/{u.OutputTokens}/{u.TotalTokens}" : "";
        return summary;

        static void Add(StreamSummary summary, ResponseStreamEvent e)
        {
            string item = S(e.ItemIdUtf8);
            switch (e.Kind)
            {
                case ResponseStreamEventKind.OutputTextDelta:
                    summary.Append("text." + item, e.DeltaString());
                    break;
                case ResponseStreamEventKind.ReasoningSummaryTextDelta:
                case ResponseStreamEventKind.ReasoningTextDelta:
                    summary.Append("reasoning." + item, e.DeltaString());
                    break;
                case ResponseStreamEventKind.FunctionCallArgumentsDelta:
                    summary.Append("args." + item, e.DeltaString());
                    break;
                case ResponseStreamEventKind.RefusalDelta:
                    summary.Append("refusal." + item, e.DeltaString());
                    break;
                case ResponseStreamEventKind.OutputItemAdded when e.ItemTypeUtf8.SequenceEqual("function_call"u8):
                    summary.Set("call." + item, S(e.FunctionNameUtf8) + "/" + S(e.CallIdUtf8));
                    break;
            }
        }
    }

    public static async Task<StreamSummary> GeminiAsync(Stream input, bool async)
    {
        var summary = new StreamSummary();
        await using var gemini = new GeminiStream(input);
        await Read(summary, async () => async ? await gemini.MoveNextAsync() : gemini.TryRead(out _), () => Add(summary, gemini.Current));
        summary.Usage = gemini.Usage is { } u ? $"{u.PromptTokenCount}/{u.CandidatesTokenCount}/{u.TotalTokenCount}/{u.ThoughtsTokenCount}" : "";
        return summary;

        static void Add(StreamSummary summary, GeminiStreamChunk chunk)
        {
            if (!chunk.BlockReasonUtf8.IsEmpty)
            {
                summary.Set("blocked", S(chunk.BlockReasonUtf8));
            }

            if (!chunk.HasCandidate)
            {
                return;
            }

            string k = "k" + chunk.CandidateIndex;
            foreach (GeminiStreamPart part in chunk.Parts)
            {
                switch (part.Kind)
                {
                    case GeminiStreamPartKind.Text:
                        summary.Append(k + ".text", part.TextString());
                        break;
                    case GeminiStreamPartKind.Thought:
                        summary.Append(k + ".thought", part.TextString());
                        break;
                    case GeminiStreamPartKind.FunctionCall:
                        summary.Append(k + ".call", S(part.FunctionNameUtf8) + S(part.FunctionArgsJson));
                        break;
                    case GeminiStreamPartKind.InlineData:
                        summary.Append(k + ".inline", S(part.MimeTypeUtf8) + ":" + part.DataBase64Utf8.Length);
                        break;
                    case GeminiStreamPartKind.ExecutableCode:
                        summary.Append(k + ".code", S(part.CodeUtf8));
                        break;
                    case GeminiStreamPartKind.CodeExecutionResult:
                        summary.Append(k + ".result", S(part.OutputUtf8));
                        break;
                }

                if (!part.ThoughtSignatureUtf8.IsEmpty)
                {
                    summary.Append(k + ".signatures", part.ThoughtSignatureUtf8.Length + ";");
                }
            }

            if (!chunk.FinishReasonUtf8.IsEmpty)
            {
                summary.Set(k + ".finish", S(chunk.FinishReasonUtf8));
            }
        }
    }

    /// <summary>Reads every item, then records how the stream ended.</summary>
    private static async Task Read(StreamSummary summary, Func<Task<bool>> next, Action add)
    {
        try
        {
            while (await next())
            {
                add();
            }

            summary.End = "completed";
        }
        catch (JuheApiException e)
        {
            summary.End = e.Kind switch
            {
                JuheErrorKind.Gateway => "gateway error",
                JuheErrorKind.Truncated => "truncated",
                _ => "invalid: " + e.Message,
            };
        }
    }

    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
