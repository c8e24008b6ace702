namespace Juhe.Gateway.Synthesis;

/// <summary>
/// The text every generated answer says, as the tokens a stream sends one by one. It mixes CJK,
/// characters JSON must escape (a quote, a newline) and the model's name, as real answers do.
/// </summary>
internal static class AnswerText
{
    /// <summary>The answer's tokens for <paramref name="model"/>.</summary>
    public static string[] Tokens(string model) =>
        ["你好", "！", "I", " am", " Juhe", "'s", " offline", " gateway", ",", " answering", " as", " \"", model, "\"", ".", "\n", "Ask", " me", " anything", "."];

    /// <summary>
    /// <paramref name="count"/> tokens: the answer repeated (and cut) to that length, for benchmarks
    /// that want long streams; the natural answer when <paramref name="count"/> is 0.
    /// </summary>
    public static string[] Tokens(string model, int count)
    {
        string[] answer = Tokens(model);
        if (count <= 0)
        {
            return answer;
        }

        string[] tokens = new string[count];
        for (int i = 0; i < count; i++)
        {
            tokens[i] = answer[i % answer.Length];
        }

        return tokens;
    }

    /// <summary>The reasoning tokens streamed before the answer when reasoning is asked for.</summary>
    public static string[] ReasoningTokens() => ["The", " user", " greets", " me", ";", " reply", " briefly", "."];

    /// <summary>The whole answer.</summary>
    public static string Text(string model) => string.Concat(Tokens(model));
}
