namespace Juhe.Tests.Generated;

/// <summary>
/// The example payloads of /work/shared/api-catalogue.md, byte for byte (only joined onto one line),
/// so the tests check the generated types against what the gateway really sends and accepts.
/// </summary>
internal static class CataloguePayloads
{
    /// <summary>§1 example request (vision + stream).</summary>
    public const string ChatVisionRequest =
        """
        {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},
         "messages":[{"role":"user","content":[
           {"type":"text","text":"What is in this picture?"},
           {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}
        """;

    /// <summary>§1.2 example response (non-stream, with reasoning and a tool call).</summary>
    public const string ChatToolCallResponse =
        """
        {"id":"chatcmpl-9x","object":"chat.completion","created":1735000000,"model":"deepseek-reasoner",
         "choices":[{"index":0,"finish_reason":"tool_calls",
           "message":{"role":"assistant","content":null,"reasoning_content":"User wants weather, call tool.",
             "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}}],
         "usage":{"prompt_tokens":52,"completion_tokens":31,"total_tokens":83,"completion_tokens_details":{"reasoning_tokens":12}}}
        """;

    /// <summary>§2.4 example request (gpt-4o-audio via chat).</summary>
    public const string ChatAudioRequest =
        """
        {"model":"gpt-4o-audio-preview","modalities":["text","audio"],"audio":{"voice":"alloy","format":"wav"},
         "messages":[{"role":"user","content":"Say hello in French."}]}
        """;

    /// <summary>§2.4 example response (trimmed by the catalogue, as the gateway may send it).</summary>
    public const string ChatAudioResponse =
        """
        {"id":"chatcmpl-a1","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop",
         "message":{"role":"assistant","content":null,"audio":{"id":"audio_1","data":"UklGR…","expires_at":1735003600,"transcript":"Bonjour !"}}}]}
        """;

    /// <summary>§3.1 example request.</summary>
    public const string CompletionRequest =
        """{"model":"gpt-3.5-turbo-instruct","prompt":"Say this is a test","max_tokens":16}""";

    /// <summary>§3.1 example response.</summary>
    public const string CompletionResponse =
        """
        {"id":"cmpl-1","object":"text_completion","created":1735000000,"model":"gpt-3.5-turbo-instruct",
         "choices":[{"text":"\n\nThis is a test.","index":0,"logprobs":null,"finish_reason":"stop"}],
         "usage":{"prompt_tokens":5,"completion_tokens":6,"total_tokens":11}}
        """;

    /// <summary>§3.2 example request.</summary>
    public const string EmbeddingRequest = """{"model":"text-embedding-3-small","input":["hello","world"]}""";

    /// <summary>§3.2 example response.</summary>
    public const string EmbeddingResponse =
        """{"object":"list","model":"text-embedding-3-small","data":[{"object":"embedding","index":0,"embedding":[0.0123,-0.0045]}],"usage":{"prompt_tokens":2,"total_tokens":2}}""";

    /// <summary>§0.5 model list.</summary>
    public const string ModelList =
        """{"success":true,"object":"list","data":[{"id":"gpt-4o","object":"model","created":1626777600,"owned_by":"custom","supported_endpoint_types":["openai"]}]}""";

    /// <summary>§18.1 example chunks, in order (without the final <c>[DONE]</c>).</summary>
    public static readonly string[] ChatChunks =
    [
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"reasoning_content":"Check units.","reasoning":"Check units."},"finish_reason":null}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris\"}"}}]},"finish_reason":null}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1735000000,"model":"deepseek-reasoner","choices":[],"usage":{"prompt_tokens":52,"completion_tokens":31,"total_tokens":83}}""",
    ];

    public static TheoryData<int> ChatChunkIndexes => new(Enumerable.Range(0, ChatChunks.Length));
}
