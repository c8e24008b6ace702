namespace Juhe.Streaming;

/// <summary>A chunk's <c>usageMetadata</c>. Gemini sends the running totals on every chunk, so the last one wins.</summary>
/// <param name="PromptTokenCount"><c>promptTokenCount</c>.</param>
/// <param name="CandidatesTokenCount"><c>candidatesTokenCount</c>, 0 when absent (while only thinking).</param>
/// <param name="TotalTokenCount"><c>totalTokenCount</c>.</param>
/// <param name="ThoughtsTokenCount"><c>thoughtsTokenCount</c>, 0 when absent.</param>
/// <param name="CachedContentTokenCount"><c>cachedContentTokenCount</c>, 0 when absent.</param>
public readonly record struct GeminiStreamUsage(int PromptTokenCount, int CandidatesTokenCount, int TotalTokenCount, int ThoughtsTokenCount = 0, int CachedContentTokenCount = 0);
