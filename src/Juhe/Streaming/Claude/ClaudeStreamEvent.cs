using System.Text;

namespace Juhe.Streaming;

/// <summary>
/// One event of an Anthropic Messages stream, as typed views over its bytes. Text is unescaped UTF-8;
/// every span is valid until the stream's next read. Properties that do not belong to the event's
/// <see cref="Kind"/> are empty (or -1, or <see langword="null"/>).
/// </summary>
public readonly ref struct ClaudeStreamEvent
{
    private readonly ClaudeChunkDecoder? _decoder;
    private readonly ReadOnlySpan<byte> _data;

    internal ClaudeStreamEvent(ClaudeChunkDecoder decoder, ReadOnlySpan<byte> data)
    {
        _decoder = decoder;
        _data = data;
    }

    /// <summary>Which event this is; <see cref="ClaudeStreamEventKind.Unknown"/> for a type this version does not know.</summary>
    public ClaudeStreamEventKind Kind => _decoder?.Kind ?? ClaudeStreamEventKind.Unknown;

    /// <summary>The event's <c>type</c> as sent, in UTF-8 (useful for <see cref="ClaudeStreamEventKind.Unknown"/>).</summary>
    public ReadOnlySpan<byte> TypeUtf8 => Resolve(_decoder?.Type);

    /// <summary>The event's whole JSON payload.</summary>
    public ReadOnlySpan<byte> Json => _data;

    /// <summary>The content block's <c>index</c> for block events; -1 for the others.</summary>
    public int Index => _decoder?.Index ?? -1;

    /// <summary><c>message_start</c>: the message id (<c>msg_…</c>).</summary>
    public ReadOnlySpan<byte> MessageIdUtf8 => Resolve(_decoder?.MessageId);

    /// <summary><c>message_start</c>: the model that answers.</summary>
    public ReadOnlySpan<byte> ModelUtf8 => Resolve(_decoder?.Model);

    /// <summary><c>content_block_start</c>: what the block holds.</summary>
    public ClaudeStreamBlockKind BlockKind => _decoder?.BlockKind ?? ClaudeStreamBlockKind.Other;

    /// <summary><c>content_block_start</c>: the block's <c>type</c> as sent (for <see cref="ClaudeStreamBlockKind.Other"/>).</summary>
    public ReadOnlySpan<byte> BlockTypeUtf8 => Resolve(_decoder?.BlockType);

    /// <summary><c>content_block_start</c> of a tool use: the call id (<c>toolu_…</c>, <c>srvtoolu_…</c>).</summary>
    public ReadOnlySpan<byte> ToolIdUtf8 => Resolve(_decoder?.ToolId);

    /// <summary><c>content_block_start</c> of a tool use: the tool's name.</summary>
    public ReadOnlySpan<byte> ToolNameUtf8 => Resolve(_decoder?.ToolName);

    /// <summary><c>content_block_start</c>: the whole <c>content_block</c> object's JSON (a server tool's result is only here).</summary>
    public ReadOnlySpan<byte> ContentBlockJson => Resolve(_decoder?.ContentBlock);

    /// <summary><c>content_block_delta</c>: what the delta carries.</summary>
    public ClaudeStreamDeltaKind DeltaKind => _decoder?.DeltaKind ?? ClaudeStreamDeltaKind.Other;

    /// <summary><c>content_block_delta</c>: the delta's <c>type</c> as sent (for <see cref="ClaudeStreamDeltaKind.Other"/>).</summary>
    public ReadOnlySpan<byte> DeltaTypeUtf8 => Resolve(_decoder?.DeltaType);

    /// <summary><c>text_delta</c>: the text to append, unescaped UTF-8.</summary>
    public ReadOnlySpan<byte> TextUtf8 => DeltaOf(ClaudeStreamDeltaKind.Text);

    /// <summary><c>thinking_delta</c>: the thinking text to append, unescaped UTF-8.</summary>
    public ReadOnlySpan<byte> ThinkingUtf8 => DeltaOf(ClaudeStreamDeltaKind.Thinking);

    /// <summary><c>signature_delta</c>: the thinking block's signature.</summary>
    public ReadOnlySpan<byte> SignatureUtf8 => DeltaOf(ClaudeStreamDeltaKind.Signature);

    /// <summary><c>input_json_delta</c>: a piece of the tool input's JSON text, unescaped, to append (may be empty).</summary>
    public ReadOnlySpan<byte> PartialJsonUtf8 => DeltaOf(ClaudeStreamDeltaKind.InputJson);

    /// <summary><c>citations_delta</c>: the <c>citation</c> object's JSON.</summary>
    public ReadOnlySpan<byte> CitationJson => DeltaKind == ClaudeStreamDeltaKind.Citations ? Resolve(_decoder?.Citation) : default;

    /// <summary><c>content_block_delta</c> and <c>message_delta</c>: the whole <c>delta</c> object's JSON.</summary>
    public ReadOnlySpan<byte> DeltaJson => Resolve(_decoder?.Delta);

    /// <summary><c>message_delta</c>: the raw <c>stop_reason</c> (<c>end_turn</c>, <c>max_tokens</c>, <c>stop_sequence</c>, <c>tool_use</c>, <c>pause_turn</c>, <c>refusal</c>…).</summary>
    public ReadOnlySpan<byte> StopReasonUtf8 => Resolve(_decoder?.StopReason);

    /// <summary><c>message_delta</c>: the stop sequence that ended the message, when <c>stop_reason</c> is <c>stop_sequence</c>.</summary>
    public ReadOnlySpan<byte> StopSequenceUtf8 => Resolve(_decoder?.StopSequence);

    /// <summary><c>message_start</c> and <c>message_delta</c>: the usage merged over the stream up to this event; <see langword="null"/> on other events.</summary>
    public ClaudeStreamUsage? Usage => _decoder is { HasUsage: true } ? _decoder.MergedUsage : null;

    /// <summary>Allocates a string of <see cref="TextUtf8"/>.</summary>
    public string TextString() => Encoding.UTF8.GetString(TextUtf8);

    /// <summary>Allocates a string of <see cref="ThinkingUtf8"/>.</summary>
    public string ThinkingString() => Encoding.UTF8.GetString(ThinkingUtf8);

    /// <summary>Allocates a string of <see cref="TypeUtf8"/>.</summary>
    public string TypeString() => Encoding.UTF8.GetString(TypeUtf8);

    /// <summary>Allocates a string of <see cref="StopReasonUtf8"/>; <see langword="null"/> when the event has none.</summary>
    public string? StopReasonString() => _decoder?.StopReason.IsPresent == true ? Encoding.UTF8.GetString(StopReasonUtf8) : null;

    private ReadOnlySpan<byte> DeltaOf(ClaudeStreamDeltaKind kind) =>
        _decoder is not null && _decoder.Kind == ClaudeStreamEventKind.ContentBlockDelta && _decoder.DeltaKind == kind ? _decoder.Resolve(_data, _decoder.DeltaValue) : default;

    private ReadOnlySpan<byte> Resolve(Utf8Segment? segment) => _decoder is null || segment is null ? default : _decoder.Resolve(_data, segment.Value);
}
