using System.Collections.Generic;

namespace Juhe.Generators.Parsing;

/// <summary>A position in a schema file: character offset plus zero-based line and column.</summary>
internal readonly record struct TextPosition(int Offset, int Line, int Column);

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A node of a parsed JSON document that remembers where it came from, so every diagnostic can
/// point at the line that caused it. Only used inside the parsing stage.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(TextPosition start, TextPosition end)
    {
        Start = start;
        End = end;
    }

    public TextPosition Start { get; }

    public TextPosition End { get; }

    public abstract JsonKind Kind { get; }

    /// <summary>How the node's kind is named in messages ("an object", "a string"…).</summary>
    public string KindDescription => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.True or JsonKind.False => "a boolean",
        _ => "null",
    };
}

internal sealed class JsonObjectNode : JsonNode
{
    public JsonObjectNode(TextPosition start, TextPosition end, IReadOnlyList<JsonMember> members)
        : base(start, end) => Members = members;

    public IReadOnlyList<JsonMember> Members { get; }

    public override JsonKind Kind => JsonKind.Object;

    public JsonNode? this[string name]
    {
        get
        {
            foreach (JsonMember member in Members)
            {
                if (member.Name == name)
                {
                    return member.Value;
                }
            }

            return null;
        }
    }
}

internal sealed class JsonMember
{
    public JsonMember(string name, TextPosition namePosition, JsonNode value)
    {
        Name = name;
        NamePosition = namePosition;
        Value = value;
    }

    public string Name { get; }

    public TextPosition NamePosition { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(TextPosition start, TextPosition end, IReadOnlyList<JsonNode> items)
        : base(start, end) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override JsonKind Kind => JsonKind.Array;
}

internal sealed class JsonStringNode : JsonNode
{
    public JsonStringNode(TextPosition start, TextPosition end, string value)
        : base(start, end) => Value = value;

    public string Value { get; }

    public override JsonKind Kind => JsonKind.String;
}

internal sealed class JsonNumberNode : JsonNode
{
    public JsonNumberNode(TextPosition start, TextPosition end, string text)
        : base(start, end) => Text = text;

    /// <summary>The number exactly as written.</summary>
    public string Text { get; }

    public override JsonKind Kind => JsonKind.Number;
}

internal sealed class JsonLiteralNode : JsonNode
{
    private readonly JsonKind _kind;

    public JsonLiteralNode(TextPosition start, TextPosition end, JsonKind kind)
        : base(start, end) => _kind = kind;

    public override JsonKind Kind => _kind;
}
