namespace Juhe.Streaming;

/// <summary>Token counts of a completion, from a chunk's <c>usage</c> object.</summary>
/// <param name="PromptTokens"><c>prompt_tokens</c>.</param>
/// <param name="CompletionTokens"><c>completion_tokens</c>.</param>
/// <param name="TotalTokens"><c>total_tokens</c>.</param>
/// <param name="CachedPromptTokens"><c>prompt_tokens_details.cached_tokens</c>, 0 when absent.</param>
/// <param name="ReasoningTokens"><c>completion_tokens_details.reasoning_tokens</c>, 0 when absent.</param>
public readonly record struct ChatStreamUsage(int PromptTokens, int CompletionTokens, int TotalTokens, int CachedPromptTokens = 0, int ReasoningTokens = 0);
