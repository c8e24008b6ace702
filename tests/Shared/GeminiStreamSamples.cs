using System.Text;

namespace Juhe.Samples;

/// <summary>
/// Realistic Gemini <c>alt=sse</c> streams as Google sends them: CRLF line ends, a space after every
/// colon, running token counts in <c>usageMetadata</c> on every chunk. Shared by the tests and the benchmarks.
/// </summary>
internal static class GeminiStreamSamples
{
    /// <summary><paramref name="tokens"/> text chunks (the tokens of <see cref="ChatStreamSamples.Tokens"/>), the last with <c>finishReason: STOP</c>.</summary>
    public static byte[] Build(int tokens)
    {
        var sse = new StringBuilder();
        for (int i = 0; i < tokens; i++)
        {
            string finish = i == tokens - 1 ? "\"finishReason\": \"STOP\"," : "";
            sse.Append("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"")
                .Append(ChatStreamSamples.Tokens[i % ChatStreamSamples.Tokens.Length].Json)
                .Append("\"}],\"role\": \"model\"},").Append(finish).Append("\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 18,\"candidatesTokenCount\": ")
                .Append(i + 1).Append(",\"totalTokenCount\": ").Append(i + 19)
                .Append(",\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 18}]},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"ru1garvBEoOiqtsP2fznmQw\"}\r\n\r\n");
        }

        return Encoding.UTF8.GetBytes(sse.ToString());
    }
}
