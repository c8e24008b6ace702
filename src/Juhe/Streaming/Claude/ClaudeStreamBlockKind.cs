namespace Juhe.Streaming;

/// <summary>What a content block of an Anthropic Messages stream holds (<c>content_block.type</c>).</summary>
public enum ClaudeStreamBlockKind
{
    /// <summary>Any other block type (<c>web_search_tool_result</c>, <c>mcp_tool_use</c>, <c>compaction</c>…): see <see cref="ClaudeStreamEvent.BlockTypeUtf8"/> and <see cref="ClaudeStreamEvent.ContentBlockJson"/>.</summary>
    Other,

    /// <summary><c>text</c>, built from <c>text_delta</c>s.</summary>
    Text,

    /// <summary><c>thinking</c>, built from <c>thinking_delta</c>s and closed by a <c>signature_delta</c>.</summary>
    Thinking,

    /// <summary><c>redacted_thinking</c>: encrypted reasoning, whole in the block start, no deltas.</summary>
    RedactedThinking,

    /// <summary><c>tool_use</c>: a client tool call whose input arrives as <c>input_json_delta</c>s.</summary>
    ToolUse,

    /// <summary><c>server_tool_use</c>: a server tool call (web search, code execution), input as <c>input_json_delta</c>s.</summary>
    ServerToolUse,
}
