using System.Buffers.Text;
using System.Text;

namespace Juhe.Streaming;

/// <summary>One part of a Gemini candidate; spans valid until the stream's next read.</summary>
public readonly ref struct GeminiStreamPart
{
    private readonly GeminiChunkDecoder? _decoder;
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _part;

    internal GeminiStreamPart(GeminiChunkDecoder decoder, ReadOnlySpan<byte> data, int part)
    {
        _decoder = decoder;
        _data = data;
        _part = part;
    }

    /// <summary>What the part holds.</summary>
    public GeminiStreamPartKind Kind => _decoder is null ? GeminiStreamPartKind.Other : Part.Kind;

    /// <summary>Text or thought text to append, unescaped UTF-8 (may be empty on a part that only carries a signature).</summary>
    public ReadOnlySpan<byte> TextUtf8 => Resolve(Field.Text);

    /// <summary>The part's <c>thoughtSignature</c>, to send back with it on the next turn; empty when none.</summary>
    public ReadOnlySpan<byte> ThoughtSignatureUtf8 => Resolve(Field.ThoughtSignature);

    /// <summary>A function call's name.</summary>
    public ReadOnlySpan<byte> FunctionNameUtf8 => Kind == GeminiStreamPartKind.FunctionCall ? Resolve(Field.Name) : default;

    /// <summary>A function call's <c>args</c> object, as JSON (it arrives whole).</summary>
    public ReadOnlySpan<byte> FunctionArgsJson => Kind == GeminiStreamPartKind.FunctionCall ? Resolve(Field.Value) : default;

    /// <summary>Inline data's MIME type (<c>image/png</c>).</summary>
    public ReadOnlySpan<byte> MimeTypeUtf8 => Kind == GeminiStreamPartKind.InlineData ? Resolve(Field.Name) : default;

    /// <summary>Inline data as sent: base64 text. <see cref="TryDecodeData"/> decodes it.</summary>
    public ReadOnlySpan<byte> DataBase64Utf8 => Kind == GeminiStreamPartKind.InlineData ? Resolve(Field.Value) : default;

    /// <summary>Executable code's language (<c>PYTHON</c>).</summary>
    public ReadOnlySpan<byte> LanguageUtf8 => Kind == GeminiStreamPartKind.ExecutableCode ? Resolve(Field.Name) : default;

    /// <summary>Executable code's source.</summary>
    public ReadOnlySpan<byte> CodeUtf8 => Kind == GeminiStreamPartKind.ExecutableCode ? Resolve(Field.Value) : default;

    /// <summary>A code execution result's outcome (<c>OUTCOME_OK</c>).</summary>
    public ReadOnlySpan<byte> OutcomeUtf8 => Kind == GeminiStreamPartKind.CodeExecutionResult ? Resolve(Field.Name) : default;

    /// <summary>A code execution result's output.</summary>
    public ReadOnlySpan<byte> OutputUtf8 => Kind == GeminiStreamPartKind.CodeExecutionResult ? Resolve(Field.Value) : default;

    /// <summary>The whole part object's JSON.</summary>
    public ReadOnlySpan<byte> Json => Resolve(Field.Raw);

    /// <summary>How many bytes <see cref="TryDecodeData"/> needs at most.</summary>
    public int MaxDecodedDataLength => Base64.GetMaxDecodedFromUtf8Length(DataBase64Utf8.Length);

    /// <summary>Decodes the inline data's base64 into <paramref name="destination"/>.</summary>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small or the data is not valid base64.</returns>
    public bool TryDecodeData(Span<byte> destination, out int written) =>
        Base64.DecodeFromUtf8(DataBase64Utf8, destination, out _, out written) == System.Buffers.OperationStatus.Done;

    /// <summary>Allocates the decoded inline data.</summary>
    /// <exception cref="FormatException">The data is not valid base64.</exception>
    public byte[] DecodeData()
    {
        byte[] decoded = new byte[MaxDecodedDataLength];
        if (!TryDecodeData(decoded, out int written))
        {
            throw new FormatException($"The inline data ({Encoding.UTF8.GetString(MimeTypeUtf8)}, {DataBase64Utf8.Length} characters) is not valid base64.");
        }

        return decoded.AsSpan(0, written).ToArray();
    }

    /// <summary>Allocates a string of <see cref="TextUtf8"/>.</summary>
    public string TextString() => Encoding.UTF8.GetString(TextUtf8);

    private ref readonly GeminiChunkDecoder.Part Part => ref _decoder!.GetPart(_part);

    private ReadOnlySpan<byte> Resolve(Field field)
    {
        if (_decoder is null)
        {
            return default;
        }

        ref readonly GeminiChunkDecoder.Part part = ref Part;
        Utf8Segment segment = field switch
        {
            Field.Text => part.Text,
            Field.ThoughtSignature => part.ThoughtSignature,
            Field.Name => part.Name,
            Field.Value => part.Value,
            _ => part.Raw,
        };
        return _decoder.Resolve(_data, segment);
    }

    private enum Field
    {
        Text,
        ThoughtSignature,
        Name,
        Value,
        Raw,
    }
}
