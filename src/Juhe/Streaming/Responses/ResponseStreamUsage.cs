namespace Juhe.Streaming;

/// <summary>Token counts of a response, from the final event's <c>response.usage</c>.</summary>
/// <param name="InputTokens"><c>input_tokens</c>.</param>
/// <param name="OutputTokens"><c>output_tokens</c>.</param>
/// <param name="TotalTokens"><c>total_tokens</c>.</param>
/// <param name="CachedInputTokens"><c>input_tokens_details.cached_tokens</c>, 0 when absent.</param>
/// <param name="ReasoningTokens"><c>output_tokens_details.reasoning_tokens</c>, 0 when absent.</param>
public readonly record struct ResponseStreamUsage(int InputTokens, int OutputTokens, int TotalTokens, int CachedInputTokens = 0, int ReasoningTokens = 0);
