using System.Text;
using System.Text.Json;

namespace Juhe.Http;

/// <summary>What an error response body turned out to be.</summary>
internal enum ErrorBodyKind
{
    /// <summary>A JSON object in one of the known envelopes (catalogue §0.3).</summary>
    Envelope,

    /// <summary>Valid JSON, but no field of any known envelope.</summary>
    UnknownJson,

    /// <summary>JSON that breaks off or is invalid before anything useful was read.</summary>
    MalformedJson,

    /// <summary>An HTML page, typically from a proxy (nginx, Cloudflare) in front of the gateway.</summary>
    Html,

    /// <summary>Anything else that is not empty.</summary>
    Text,

    /// <summary>No bytes (or only whitespace).</summary>
    Empty,
}

/// <summary>
/// The fields of an error body, read with <see cref="Utf8JsonReader"/> (no reflection) from every
/// envelope the gateway family uses: OpenAI-style <c>{"error":{message,type,param,code}}</c>,
/// Claude's <c>{"type":"error","error":{type,message}}</c>, Gemini's <c>{"error":{code,message,status}}</c>,
/// task routes' <c>{code,message,data}</c>, Midjourney's <c>{code,description,result}</c>, and
/// management's <c>{success:false,message}</c>.
/// </summary>
internal readonly struct ErrorBody
{
    private const int MaxTitleLength = 200;
    private const int MaxTextLength = 300;

    public ErrorBodyKind Kind { get; init; }

    /// <summary>The error message the body carried (or, for HTML, the page title; for text, its first line).</summary>
    public string? Message { get; init; }

    public string? Type { get; init; }

    public string? Code { get; init; }

    /// <summary>For <see cref="ErrorBodyKind.MalformedJson"/>: the byte offset where the JSON broke.</summary>
    public long ErrorOffset { get; init; }

    public static ErrorBody Parse(ReadOnlySpan<byte> body)
    {
        body = TrimBom(body);
        int start = 0;
        while (start < body.Length && IsWhiteSpace(body[start]))
        {
            start++;
        }

        if (start == body.Length)
        {
            return new ErrorBody { Kind = ErrorBodyKind.Empty };
        }

        byte first = body[start];
        if (first is (byte)'{' or (byte)'[')
        {
            return ParseJson(body);
        }

        if (first == (byte)'<')
        {
            return new ErrorBody { Kind = ErrorBodyKind.Html, Message = HtmlTitle(body) };
        }

        return new ErrorBody { Kind = ErrorBodyKind.Text, Message = FirstLine(body[start..]) };
    }

    /// <summary>
    /// Whether a success body is in fact an error envelope: a top-level <c>error</c> member (an object
    /// or a string; not <c>null</c>, which some successful answers carry) in a body without a top-level
    /// <c>status</c>, or Claude's <c>"type":"error"</c>. Only the top level is looked at; a body that is
    /// not a JSON object is not an envelope.
    /// </summary>
    public static bool IsErrorEnvelope(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(TrimBom(body));
        bool error = false, hasStatus = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    error |= reader.TokenType is JsonTokenType.StartObject or JsonTokenType.String;
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("error"u8))
                    {
                        return true;
                    }
                }
                else
                {
                    hasStatus |= reader.ValueTextEquals("status"u8);
                    reader.Read();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Broken JSON is not an envelope; reading it as the documented type will say what is wrong.
        }

        // An error beside a top-level status is an object describing its own failure (Replicate's
        // failed prediction, Sora's failed video, a failed background Response), which the caller or
        // the task poller reads; without one, it is the gateway's error envelope.
        return error && !hasStatus;
    }

    private static ErrorBody ParseJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 256,
        });
        var fields = new Fields();
        try
        {
            reader.Read();

            // Some upstreams (Gemini's non-SSE stream) wrap the envelope in an array: use its first element.
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Read();
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadTopLevel(ref reader, ref fields);
            }
            else
            {
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            if (!fields.Any)
            {
                return new ErrorBody { Kind = ErrorBodyKind.MalformedJson, ErrorOffset = reader.BytesConsumed };
            }

            // Keep what was read before the break: a truncated body often still has its message.
        }

        return fields.Any ? fields.ToBody() : new ErrorBody { Kind = ErrorBodyKind.UnknownJson };
    }

    private static void ReadTopLevel(ref Utf8JsonReader reader, ref Fields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    fields.HasErrorObject = true;
                    ReadErrorObject(ref reader, ref fields);
                }
                else if (reader.TokenType == JsonTokenType.String)
                {
                    // {"error":"text"} from some upstreams and proxies.
                    fields.ErrorMessage = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("msg"u8) || reader.ValueTextEquals("detail"u8))
            {
                reader.Read();
                fields.TopMessage ??= ScalarText(ref reader);
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                reader.Read();
                fields.Description = ScalarText(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                fields.TopType = ScalarText(ref reader);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                fields.TopCode = ScalarText(ref reader);
            }
            else if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.False)
                {
                    fields.SuccessFalse = true;
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void ReadErrorObject(ref Utf8JsonReader reader, ref Fields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                fields.ErrorMessage = ScalarText(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                fields.ErrorType = ScalarText(ref reader);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                fields.ErrorCode = ScalarText(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                fields.ErrorStatus = ScalarText(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>A string, number or boolean as text; objects, arrays and null as <see langword="null"/> (skipped).</summary>
    private static string? ScalarText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    private static string? HtmlTitle(ReadOnlySpan<byte> body)
    {
        int open = IndexOfIgnoreCase(body, "<title"u8);
        if (open < 0)
        {
            return null;
        }

        int tagEnd = body[open..].IndexOf((byte)'>');
        if (tagEnd < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = body[(open + tagEnd + 1)..];
        int close = IndexOfIgnoreCase(rest, "</title"u8);
        ReadOnlySpan<byte> title = close < 0 ? rest : rest[..close];
        string text = CollapseWhiteSpace(Encoding.UTF8.GetString(title[..Math.Min(title.Length, MaxTitleLength * 4)]));
        text = System.Net.WebUtility.HtmlDecode(text);
        return text.Length == 0 ? null : Shorten(text, MaxTitleLength);
    }

    private static string FirstLine(ReadOnlySpan<byte> text)
    {
        int end = text.IndexOfAny((byte)'\r', (byte)'\n');
        ReadOnlySpan<byte> line = end < 0 ? text : text[..end];
        string decoded = Encoding.UTF8.GetString(line[..Math.Min(line.Length, MaxTextLength * 4)]).Trim();
        return Shorten(decoded, MaxTextLength);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (int i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < lowerNeedle.Length && ToLowerAscii(haystack[i + j]) == lowerNeedle[j])
            {
                j++;
            }

            if (j == lowerNeedle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private static byte ToLowerAscii(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static ReadOnlySpan<byte> TrimBom(ReadOnlySpan<byte> body) =>
        body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;

    /// <summary>Everything any envelope may carry; <see cref="ToBody"/> decides which wins.</summary>
    private struct Fields
    {
        public bool HasErrorObject;
        public string? ErrorMessage;
        public string? ErrorType;
        public string? ErrorCode;
        public string? ErrorStatus;
        public string? TopMessage;
        public string? Description;
        public string? TopType;
        public string? TopCode;
        public bool SuccessFalse;

        public readonly bool Any => HasErrorObject || ErrorMessage is not null || TopMessage is not null
            || Description is not null || TopCode is not null || SuccessFalse
            || (TopType is not null && TopType != "error");

        public readonly ErrorBody ToBody()
        {
            if (HasErrorObject || ErrorMessage is not null)
            {
                // OpenAI, pre-relay middleware, Claude (type "error" outside, the real type inside),
                // Gemini (no type; its status such as INVALID_ARGUMENT stands in for one).
                return new ErrorBody
                {
                    Kind = ErrorBodyKind.Envelope,
                    Message = ErrorMessage ?? TopMessage ?? Description,
                    Type = ErrorType ?? ErrorStatus ?? (TopType == "error" ? null : TopType),
                    Code = Blank(ErrorCode) ?? Blank(TopCode),
                };
            }

            // Task routes {code,message,data}, Midjourney {code,description,result},
            // MJ middleware {description,type,code}, management {success:false,message}.
            return new ErrorBody
            {
                Kind = ErrorBodyKind.Envelope,
                Message = TopMessage ?? Description,
                Type = TopType == "error" ? null : TopType,
                Code = Blank(TopCode),
            };
        }

        // new-api sends "code":"" for errors without a code; that is no code.
        private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
