namespace Juhe.Streaming;

/// <summary>What a part of a Gemini candidate holds.</summary>
public enum GeminiStreamPartKind
{
    /// <summary>Any other part (<c>fileData</c>, <c>functionResponse</c>, a future kind): see <see cref="GeminiStreamPart.Json"/>.</summary>
    Other,

    /// <summary>Answer text to append (<see cref="GeminiStreamPart.TextUtf8"/>).</summary>
    Text,

    /// <summary>Thought summary text (<c>"thought": true</c>) to append (<see cref="GeminiStreamPart.TextUtf8"/>).</summary>
    Thought,

    /// <summary>A whole function call: <see cref="GeminiStreamPart.FunctionNameUtf8"/> and <see cref="GeminiStreamPart.FunctionArgsJson"/>.</summary>
    FunctionCall,

    /// <summary>Inline data, typically a generated image: <see cref="GeminiStreamPart.MimeTypeUtf8"/> and base64 <see cref="GeminiStreamPart.DataBase64Utf8"/>.</summary>
    InlineData,

    /// <summary>Code the model wrote for the code execution tool: <see cref="GeminiStreamPart.CodeUtf8"/>.</summary>
    ExecutableCode,

    /// <summary>The result of running that code: <see cref="GeminiStreamPart.OutcomeUtf8"/> and <see cref="GeminiStreamPart.OutputUtf8"/>.</summary>
    CodeExecutionResult,
}
