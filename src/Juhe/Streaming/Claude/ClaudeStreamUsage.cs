namespace Juhe.Streaming;

/// <summary>
/// Token counts of an Anthropic message as the stream reports them. <c>message_start</c> gives the
/// first counts and each <c>message_delta</c> restates some of them (they are cumulative, and may even
/// change <c>input_tokens</c>): each field takes the last value sent, never a sum.
/// </summary>
/// <param name="InputTokens"><c>input_tokens</c>.</param>
/// <param name="OutputTokens"><c>output_tokens</c>.</param>
/// <param name="CacheCreationInputTokens"><c>cache_creation_input_tokens</c>, 0 when never sent.</param>
/// <param name="CacheReadInputTokens"><c>cache_read_input_tokens</c>, 0 when never sent.</param>
public readonly record struct ClaudeStreamUsage(int InputTokens, int OutputTokens, int CacheCreationInputTokens = 0, int CacheReadInputTokens = 0);
