namespace Juhe.Generators.Parsing;

/// <summary>The event format of a <c>text/event-stream</c> response (<c>x-juhe-stream</c>): it decides the decoder handed out.</summary>
internal enum StreamKind
{
    /// <summary><c>sse</c>: plain server-sent events, read with <c>Juhe.Sse.SseReader</c>.</summary>
    Sse,

    /// <summary><c>chat-completions</c>: OpenAI chat completion chunks.</summary>
    ChatCompletions,

    /// <summary><c>completions</c>: OpenAI legacy completion chunks.</summary>
    Completions,

    /// <summary><c>claude</c>: Anthropic Messages events (<c>message_start</c> … <c>message_stop</c>).</summary>
    Claude,

    /// <summary><c>gemini</c>: Gemini <c>GenerateContentResponse</c> chunks of <c>:streamGenerateContent?alt=sse</c>.</summary>
    Gemini,

    /// <summary><c>responses</c>: OpenAI Responses API events (<c>response.created</c> … <c>response.completed</c>).</summary>
    Responses,
}
