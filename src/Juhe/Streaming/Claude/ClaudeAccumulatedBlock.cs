using System.Text;

namespace Juhe.Streaming;

/// <summary>One content block as <see cref="ClaudeMessageAccumulator"/> assembled it; spans valid until the accumulator changes.</summary>
public readonly ref struct ClaudeAccumulatedBlock
{
    private readonly ReadOnlySpan<byte> _content;

    internal ClaudeAccumulatedBlock(ClaudeStreamBlockKind kind, int index, ReadOnlySpan<byte> type, ReadOnlySpan<byte> toolId, ReadOnlySpan<byte> toolName, ReadOnlySpan<byte> content, ReadOnlySpan<byte> signature)
    {
        Kind = kind;
        Index = index;
        TypeUtf8 = type;
        ToolIdUtf8 = toolId;
        ToolNameUtf8 = toolName;
        _content = content;
        SignatureUtf8 = signature;
    }

    /// <summary>What the block holds.</summary>
    public ClaudeStreamBlockKind Kind { get; }

    /// <summary>The block's <c>index</c> in the message.</summary>
    public int Index { get; }

    /// <summary>The block's <c>type</c> as sent.</summary>
    public ReadOnlySpan<byte> TypeUtf8 { get; }

    /// <summary>A text block's text; empty for other kinds.</summary>
    public ReadOnlySpan<byte> TextUtf8 => Kind == ClaudeStreamBlockKind.Text ? _content : default;

    /// <summary>A thinking block's thinking; empty for other kinds.</summary>
    public ReadOnlySpan<byte> ThinkingUtf8 => Kind == ClaudeStreamBlockKind.Thinking ? _content : default;

    /// <summary>A thinking block's signature, to send back with it on the next turn.</summary>
    public ReadOnlySpan<byte> SignatureUtf8 { get; }

    /// <summary>A tool use's id.</summary>
    public ReadOnlySpan<byte> ToolIdUtf8 { get; }

    /// <summary>A tool use's name.</summary>
    public ReadOnlySpan<byte> ToolNameUtf8 { get; }

    /// <summary>A tool use's input JSON, joined from its <c>input_json_delta</c>s; <c>{}</c> for a tool called without arguments.</summary>
    public ReadOnlySpan<byte> InputJsonUtf8 =>
        Kind is not (ClaudeStreamBlockKind.ToolUse or ClaudeStreamBlockKind.ServerToolUse) ? default
        : _content.IsEmpty ? "{}"u8 : _content;

    /// <summary>Allocates a string of <see cref="TextUtf8"/>.</summary>
    public string TextString() => Encoding.UTF8.GetString(TextUtf8);

    /// <summary>Allocates a string of <see cref="ThinkingUtf8"/>.</summary>
    public string ThinkingString() => Encoding.UTF8.GetString(ThinkingUtf8);

    /// <summary>Allocates a string of <see cref="InputJsonUtf8"/>.</summary>
    public string InputJsonString() => Encoding.UTF8.GetString(InputJsonUtf8);

    /// <summary>Allocates a string of <see cref="ToolNameUtf8"/>.</summary>
    public string ToolNameString() => Encoding.UTF8.GetString(ToolNameUtf8);
}
