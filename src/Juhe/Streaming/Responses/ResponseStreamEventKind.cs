namespace Juhe.Streaming;

/// <summary>Which event of a Responses API stream a <see cref="ResponseStreamEvent"/> is.</summary>
public enum ResponseStreamEventKind
{
    /// <summary>Any other event type (<c>response.web_search_call.searching</c>, <c>response.mcp_call.*</c>…): its type, sequence number and JSON pass through.</summary>
    Other,

    /// <summary><c>response.created</c>: the response object, status <c>in_progress</c>.</summary>
    Created,

    /// <summary><c>response.queued</c>: a background response waits (a resumed stream starts here).</summary>
    Queued,

    /// <summary><c>response.in_progress</c>.</summary>
    InProgress,

    /// <summary><c>response.output_item.added</c>: an output item (message, reasoning, function call…) begins.</summary>
    OutputItemAdded,

    /// <summary><c>response.output_item.done</c>: an output item, complete.</summary>
    OutputItemDone,

    /// <summary><c>response.content_part.added</c>.</summary>
    ContentPartAdded,

    /// <summary><c>response.content_part.done</c>.</summary>
    ContentPartDone,

    /// <summary><c>response.output_text.delta</c>: text to append (<see cref="ResponseStreamEvent.DeltaUtf8"/>).</summary>
    OutputTextDelta,

    /// <summary><c>response.output_text.done</c>: the whole text (<see cref="ResponseStreamEvent.TextUtf8"/>).</summary>
    OutputTextDone,

    /// <summary><c>response.output_text.annotation.added</c>: a citation (<see cref="ResponseStreamEvent.AnnotationJson"/>).</summary>
    OutputTextAnnotationAdded,

    /// <summary><c>response.reasoning_summary_text.delta</c>: reasoning summary text to append.</summary>
    ReasoningSummaryTextDelta,

    /// <summary><c>response.reasoning_text.delta</c>: raw reasoning text to append (open-weight models).</summary>
    ReasoningTextDelta,

    /// <summary><c>response.function_call_arguments.delta</c>: argument JSON text to append.</summary>
    FunctionCallArgumentsDelta,

    /// <summary><c>response.function_call_arguments.done</c>: the whole arguments (<see cref="ResponseStreamEvent.ArgumentsUtf8"/>).</summary>
    FunctionCallArgumentsDone,

    /// <summary><c>response.refusal.delta</c>: refusal text to append.</summary>
    RefusalDelta,

    /// <summary><c>response.completed</c>: the final response with its usage; the stream ends after it.</summary>
    Completed,

    /// <summary><c>response.incomplete</c>: the response stopped early (<see cref="ResponseStreamEvent.IncompleteReasonUtf8"/>); the stream ends after it.</summary>
    Incomplete,
}
