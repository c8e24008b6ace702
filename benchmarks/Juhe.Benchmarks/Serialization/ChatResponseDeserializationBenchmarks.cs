using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Juhe.Chat;

namespace Juhe.Benchmarks.Serialization;

/// <summary>
/// Reading one non-streaming chat completion (catalogue §1.2 shape: reasoning, a tool call, a
/// longer answer with escapes and CJK, usage with details) with the Juhe-generated converter against
/// the System.Text.Json source generator on equivalent hand-written types (the baseline).
/// </summary>
[MemoryDiagnoser]
public class ChatResponseDeserializationBenchmarks
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        """
        {"id":"chatcmpl-9x","object":"chat.completion","created":1735000000,"model":"deepseek-reasoner","system_fingerprint":"fp_eb9dce56a8",
         "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,
           "message":{"role":"assistant","content":"Here is the plan:\n1. Check the \"weather\" in Paris — café terraces.\n2. 你好，世界。Then call the tool.",
             "reasoning_content":"User wants weather, call tool. Consider units (°C) and the user's locale before answering.",
             "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\",\"unit\":\"celsius\"}"}}]}}],
         "usage":{"prompt_tokens":52,"completion_tokens":31,"total_tokens":83,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
           "completion_tokens_details":{"reasoning_tokens":12,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}
        """);

    [GlobalSetup]
    public void Check()
    {
        // Both sides must read the same values, or the comparison means nothing.
        ChatCompletion juhe = JsonSerializer.Deserialize(Payload, Juhe.JuheJsonContext.Default.ChatCompletion)!;
        StjChatResponse stj = JsonSerializer.Deserialize(Payload, StjChatResponseJsonContext.Default.StjChatResponse)!;
        if (juhe.Choices[0].Message.Content?.ToString() is null || juhe.Choices[0].Message.ReasoningContent != stj.Choices[0].Message.ReasoningContent
            || juhe.Choices[0].Message.ToolCalls![0].Function.Arguments != stj.Choices[0].Message.ToolCalls![0].Function.Arguments
            || juhe.Usage!.CompletionTokensDetails!.ReasoningTokens != stj.Usage!.CompletionTokensDetails!.ReasoningTokens)
        {
            throw new InvalidOperationException("The two deserializers read different values.");
        }
    }

    [Benchmark(Baseline = true)]
    public object SystemTextJsonSourceGenerator() =>
        JsonSerializer.Deserialize(Payload, StjChatResponseJsonContext.Default.StjChatResponse)!;

    [Benchmark]
    public object JuheGenerated() =>
        JsonSerializer.Deserialize(Payload, Juhe.JuheJsonContext.Default.ChatCompletion)!;
}
