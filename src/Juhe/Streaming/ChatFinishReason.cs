namespace Juhe.Streaming;

/// <summary>Why a choice stopped generating, as <c>finish_reason</c> says.</summary>
public enum ChatFinishReason
{
    /// <summary>No finish reason in this chunk: the choice is still generating.</summary>
    None = 0,

    /// <summary><c>stop</c>: a natural end or a stop sequence.</summary>
    Stop,

    /// <summary><c>length</c>: the token limit was reached.</summary>
    Length,

    /// <summary><c>tool_calls</c>: the model called tools.</summary>
    ToolCalls,

    /// <summary><c>content_filter</c>: content was withheld by a filter.</summary>
    ContentFilter,

    /// <summary><c>function_call</c>: the legacy function-calling form.</summary>
    FunctionCall,

    /// <summary>A value this version does not know; the raw text is in <see cref="ChatCompletionChunk.FinishReasonUtf8"/>.</summary>
    Other,
}
