using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Juhe.Gateway.Synthesis;

/// <summary>
/// What one call's answer is made from: the model it names, token counts consistent with the
/// request and the answer, and ids derived from the request, so the same request always gets the
/// same answer.
/// </summary>
internal sealed class SynthesisContext
{
    /// <summary>The <c>created</c> time of every answer (2024-12-24T00:26:40Z): fixed, so answers are reproducible.</summary>
    public const long Created = 1735000000;

    private readonly ulong _seed;
    private int _counter;

    public SynthesisContext(string operationId, string model, ReadOnlySpan<byte> requestBody, Uri baseUrl)
    {
        Model = model;
        BaseUrl = baseUrl;
        _seed = Fnv1a(requestBody, Fnv1a(Encoding.UTF8.GetBytes(operationId), 0xCBF29CE484222325UL));
        PromptTokens = Math.Max(1, requestBody.Length / 4);
    }

    /// <summary>The model the request named (body <c>model</c> or path parameter), echoed in answers.</summary>
    public string Model { get; set; }

    /// <summary>The gateway's own address, for the file URLs it serves.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Prompt tokens: a quarter of the request's bytes, as a tokenizer would roughly count.</summary>
    public int PromptTokens { get; }

    /// <summary>How many tokens the answer has; 0 for its natural length.</summary>
    public int AnswerLength { get; init; }

    /// <summary>The answer's tokens, as a stream sends them.</summary>
    public string[] AnswerTokens => AnswerText.Tokens(Model, AnswerLength);

    /// <summary>The whole answer.</summary>
    public string Answer => string.Concat(AnswerTokens);

    /// <summary>Completion tokens: the answer's tokens.</summary>
    public int CompletionTokens => AnswerLength > 0 ? AnswerLength : AnswerText.Tokens(Model).Length;

    /// <summary>
    /// Whether the request asked for <c>"encoding_format":"base64"</c>: unions that can be a base64
    /// string (an embedding vector) are then answered as one. The official OpenAI SDKs ask for it by default.
    /// </summary>
    public bool PrefersBase64 { get; init; }

    /// <summary>Whether every optional member gets a value (see <c>GatewayOperation.AnswersInFull</c>).</summary>
    public bool AnswersInFull { get; init; }

    /// <summary>The extension of the files this operation makes (<c>.png</c> for an image route), for URLs whose member name does not say.</summary>
    public string FileExtension { get; init; } = ".bin";

    /// <summary>The index of the array item being generated.</summary>
    public int Index { get; set; }

    /// <summary>A deterministic id fragment, different on every call within one answer.</summary>
    public string NextId()
    {
        ulong value = _seed + (ulong)_counter++ * 0x9E3779B97F4A7C15UL;
        return value.ToString("x16", CultureInfo.InvariantCulture) + (value >> 17).ToString("x8", CultureInfo.InvariantCulture)[..8];
    }

    /// <summary>A deterministic number in (-0.1, 0.1), for vectors and scores.</summary>
    public double NextNumber()
    {
        ulong value = (_seed ^ ((ulong)_counter++ * 0xD1B54A32D192ED03UL)) >> 11;
        return Math.Round(((value / (double)(1UL << 53)) - 0.5) / 5, 6);
    }

    /// <summary>Base64 of eight little-endian float32 values: a vector as <c>encoding_format=base64</c> returns it.</summary>
    public string NextBase64Vector()
    {
        byte[] bytes = new byte[8 * sizeof(float)];
        for (int i = 0; i < 8; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), (float)NextNumber());
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Whether a request body asks for <c>"encoding_format":"base64"</c>.</summary>
    public static bool AsksForBase64(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("encoding_format", out JsonElement format)
        && format.ValueKind == JsonValueKind.String && format.ValueEquals("base64");

    /// <summary>A URL on this gateway for a generated file named <paramref name="name"/>.</summary>
    public string FileUrl(string name) => new Uri(BaseUrl, "/juhe/files/" + name).ToString();

    /// <summary>FNV-1a, 64 bits: a stable hash (string.GetHashCode is randomized per process).</summary>
    private static ulong Fnv1a(ReadOnlySpan<byte> bytes, ulong hash)
    {
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }

    /// <summary>The <c>model</c> of a request: the body's <c>model</c> member, else a path parameter named like a model, else a default.</summary>
    public static string ModelOf(JsonElement? body, IReadOnlyDictionary<string, string> pathParameters)
    {
        if (body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("model", out JsonElement model) && model.ValueKind == JsonValueKind.String)
        {
            return model.GetString()!;
        }

        foreach ((string name, string value) in pathParameters)
        {
            if (name.Contains("model", StringComparison.OrdinalIgnoreCase))
            {
                return value.StartsWith("models/", StringComparison.Ordinal) ? value["models/".Length..] : value;
            }
        }

        return "gpt-4o";
    }
}
