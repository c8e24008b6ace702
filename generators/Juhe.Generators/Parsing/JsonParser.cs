using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Juhe.Generators.Parsing;

/// <summary>The first thing wrong with a JSON text, and where.</summary>
internal readonly record struct JsonSyntaxError(string Message, TextPosition Position);

/// <summary>
/// A small strict JSON (RFC 8259) parser that records the line and column of every node.
/// The generator reads JSON itself because the compiler host may not be able to load a JSON
/// package of the version the generator was built against.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 256;

    private readonly string _text;
    private int _pos;
    private int _line;
    private int _lineStart;

    private JsonParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on failure returns <see langword="null"/> and the first error.</summary>
    public static JsonNode? Parse(string text, out JsonSyntaxError? error)
    {
        var parser = new JsonParser(text);
        try
        {
            parser.SkipBom();
            parser.SkipWhitespace();
            JsonNode root = parser.ParseValue(0);
            parser.SkipWhitespace();
            if (parser._pos < text.Length)
            {
                throw parser.Error("unexpected text after the end of the JSON document");
            }

            error = null;
            return root;
        }
        catch (SyntaxException ex)
        {
            error = new JsonSyntaxError(ex.Message, ex.Position);
            return null;
        }
    }

    private TextPosition Position => new(_pos, _line, _pos - _lineStart);

    private void SkipBom()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    private JsonNode ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("the document nests deeper than " + MaxDepth + " levels");
        }

        if (_pos >= _text.Length)
        {
            throw Error("the document ends where a value was expected");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
            {
                TextPosition start = Position;
                string value = ParseString();
                return new JsonStringNode(start, Position, value);
            }

            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw Error("unexpected character '" + Printable(c) + "' where a value was expected");
        }
    }

    private JsonObjectNode ParseObject(int depth)
    {
        TextPosition start = Position;
        _pos++; // {
        var members = new List<JsonMember>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return new JsonObjectNode(start, Position, members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error(_pos >= _text.Length ? "the document ends inside an object" : "expected a member name in double quotes");
            }

            TextPosition namePosition = Position;
            string name = ParseString();
            if (!names.Add(name))
            {
                throw new SyntaxException("the member \"" + name + "\" appears twice in the same object", namePosition);
            }

            SkipWhitespace();
            Expect(':', "expected ':' after the member name");
            SkipWhitespace();
            JsonNode value = ParseValue(depth + 1);
            members.Add(new JsonMember(name, namePosition, value));
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == '}')
            {
                _pos++;
                return new JsonObjectNode(start, Position, members);
            }

            throw Error(_pos >= _text.Length ? "the document ends inside an object" : "expected ',' or '}' after an object member");
        }
    }

    private JsonArrayNode ParseArray(int depth)
    {
        TextPosition start = Position;
        _pos++; // [
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return new JsonArrayNode(start, Position, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue(depth + 1));
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
                continue;
            }

            if (next == ']')
            {
                _pos++;
                return new JsonArrayNode(start, Position, items);
            }

            throw Error(_pos >= _text.Length ? "the document ends inside an array" : "expected ',' or ']' after an array item");
        }
    }

    private string ParseString()
    {
        _pos++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("the document ends inside a string");
            }

            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                _pos++;
                char escape = Peek();
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 >= _text.Length
                            || !int.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Error("a \\u escape needs four hexadecimal digits");
                        }

                        builder.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw Error("unknown escape sequence '\\" + Printable(escape) + "' in a string");
                }

                _pos++;
                continue;
            }

            if (c < ' ')
            {
                throw Error(c == '\n' || c == '\r' ? "a string is not closed before the end of the line" : "a control character must be escaped inside a string");
            }

            builder.Append(c);
            _pos++;
        }
    }

    private JsonNumberNode ParseNumber()
    {
        TextPosition start = Position;
        int begin = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Error("a number needs digits");
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw Error("a number needs digits after the decimal point");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error("a number needs digits in its exponent");
            }

            SkipDigits();
        }

        return new JsonNumberNode(start, Position, _text.Substring(begin, _pos - begin));
    }

    private JsonLiteralNode ParseLiteral(string literal, JsonKind kind)
    {
        TextPosition start = Position;
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error("unexpected text where a value was expected (strings need double quotes)");
        }

        _pos += literal.Length;
        return new JsonLiteralNode(start, Position, kind);
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _pos++;
        }
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c == '\r')
            {
                _pos++;
                if (Peek() == '\n')
                {
                    _pos++;
                }

                _line++;
                _lineStart = _pos;
            }
            else if (c == ' ' || c == '\t')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && (_text[_pos + 1] == '/' || _text[_pos + 1] == '*'))
            {
                throw Error("comments are not allowed in JSON schema files");
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Expect(char expected, string message)
    {
        if (Peek() != expected)
        {
            throw Error(message);
        }

        _pos++;
    }

    private static string Printable(char c) => c < ' ' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();

    private SyntaxException Error(string message) => new(message, Position);

    private sealed class SyntaxException : System.Exception
    {
        public SyntaxException(string message, TextPosition position)
            : base(message) => Position = position;

        public TextPosition Position { get; }
    }
}
