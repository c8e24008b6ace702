namespace Juhe.Streaming;

/// <summary>Which event of an Anthropic Messages stream a <see cref="ClaudeStreamEvent"/> is.</summary>
public enum ClaudeStreamEventKind
{
    /// <summary>An event type this version does not know; its type and JSON pass through.</summary>
    Unknown,

    /// <summary><c>message_start</c>: the message's id, model and first usage.</summary>
    MessageStart,

    /// <summary><c>content_block_start</c>: a block begins at <see cref="ClaudeStreamEvent.Index"/>.</summary>
    ContentBlockStart,

    /// <summary><c>content_block_delta</c>: a piece of the block at <see cref="ClaudeStreamEvent.Index"/>.</summary>
    ContentBlockDelta,

    /// <summary><c>content_block_stop</c>: the block at <see cref="ClaudeStreamEvent.Index"/> is complete.</summary>
    ContentBlockStop,

    /// <summary><c>message_delta</c>: the stop reason and the usage so far.</summary>
    MessageDelta,

    /// <summary><c>message_stop</c>: the end of the message; the stream ends after it.</summary>
    MessageStop,

    /// <summary><c>ping</c>: a keep-alive, at any point.</summary>
    Ping,
}
