namespace Juhe.Streaming;

/// <summary>What a <c>content_block_delta</c> carries (<c>delta.type</c>).</summary>
public enum ClaudeStreamDeltaKind
{
    /// <summary>Not a delta event, or a delta type this version does not know (<c>compaction_delta</c>…): see <see cref="ClaudeStreamEvent.DeltaJson"/>.</summary>
    Other,

    /// <summary><c>text_delta</c>: <see cref="ClaudeStreamEvent.TextUtf8"/>.</summary>
    Text,

    /// <summary><c>thinking_delta</c>: <see cref="ClaudeStreamEvent.ThinkingUtf8"/>.</summary>
    Thinking,

    /// <summary><c>signature_delta</c>: <see cref="ClaudeStreamEvent.SignatureUtf8"/>, which closes a thinking block.</summary>
    Signature,

    /// <summary><c>input_json_delta</c>: <see cref="ClaudeStreamEvent.PartialJsonUtf8"/>, a piece of a tool's JSON input.</summary>
    InputJson,

    /// <summary><c>citations_delta</c>: <see cref="ClaudeStreamEvent.CitationJson"/>, a citation for the text block.</summary>
    Citations,
}
