using System.Text;
using Juhe.Streaming;

namespace Juhe.Tests.Streaming.Gemini;

/// <summary>A Gemini stream item copied out of its spans, so tests can compare whole streams.</summary>
internal sealed record GeminiChunkRecord(bool HasCandidate, int CandidateIndex, string Parts, string FinishReason, GeminiStreamUsage? Usage, string BlockReason, string ModelVersion)
{
    public static GeminiChunkRecord From(GeminiStreamChunk chunk)
    {
        var parts = new StringBuilder();
        foreach (GeminiStreamPart part in chunk.Parts)
        {
            parts.Append('[').Append(part.Kind).Append('|').Append(part.TextString()).Append('|').Append(S(part.ThoughtSignatureUtf8)).Append('|')
                .Append(S(part.FunctionNameUtf8)).Append(S(part.FunctionArgsJson)).Append(S(part.MimeTypeUtf8)).Append(S(part.DataBase64Utf8))
                .Append(S(part.LanguageUtf8)).Append(S(part.CodeUtf8)).Append(S(part.OutcomeUtf8)).Append(S(part.OutputUtf8)).Append(']');
        }

        return new GeminiChunkRecord(chunk.HasCandidate, chunk.CandidateIndex, parts.ToString(), S(chunk.FinishReasonUtf8), chunk.Usage, S(chunk.BlockReasonUtf8), S(chunk.ModelVersionUtf8));
    }

    public static List<GeminiChunkRecord> ReadAll(Stream stream)
    {
        using var gemini = new GeminiStream(stream);
        var items = new List<GeminiChunkRecord>();
        while (gemini.TryRead(out GeminiStreamChunk chunk))
        {
            items.Add(From(chunk));
        }

        return items;
    }

    public static async Task<List<GeminiChunkRecord>> ReadAllAsync(Stream stream)
    {
        await using var gemini = new GeminiStream(stream);
        var items = new List<GeminiChunkRecord>();
        while (await gemini.MoveNextAsync())
        {
            items.Add(From(gemini.Current));
        }

        return items;
    }

    public static MemoryStream Sse(params string[] payloads) =>
        new(Encoding.UTF8.GetBytes(string.Concat(payloads.Select(p => "data: " + p + "\r\n\r\n"))));

    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
