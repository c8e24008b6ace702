using System.Globalization;
using System.Text;

namespace Juhe.Tests.Sse;

/// <summary>
/// A literal, deliberately naive transcription of the WHATWG HTML standard, 9.2.6 "Interpreting an
/// event stream", on strings: the reference the reader is compared with. Only for valid UTF-8 input.
/// </summary>
internal static class SpecReference
{
    /// <summary>The events the standard dispatches for <paramref name="stream"/>.</summary>
    /// <param name="stream">The event stream; must be valid UTF-8.</param>
    /// <param name="sseParserDeviations">
    /// Behave like <c>System.Net.ServerSentEvents.SseParser</c> where it differs from the standard:
    /// keep the event type over a blank line that dispatches nothing, report an empty
    /// <c>event:</c> value as the empty type rather than <c>message</c>, and accept a
    /// <c>retry:</c> value of digits followed by NULs (as <see cref="long.TryParse(string?, NumberStyles, IFormatProvider?, out long)"/> does).
    /// </param>
    public static List<SseRecord> Interpret(byte[] stream, bool sseParserDeviations = false)
    {
        // "Streams must be decoded using the UTF-8 decode algorithm", which strips one leading BOM.
        string text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(stream);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var events = new List<SseRecord>();
        var data = new StringBuilder(); // the data buffer
        string? eventType = null; // the event type buffer; null stands for "never set" (it only matters to SseParser)
        string lastEventIdBuffer = "";
        TimeSpan? reconnectionTime = null;

        int position = 0;
        while (true)
        {
            // "Lines must be separated by either a CRLF pair, a single LF, or a single CR."
            int end = text.IndexOfAny(['\r', '\n'], position);
            if (end < 0)
            {
                // "Once the end of the file is reached, any pending data must be discarded."
                // The unterminated last line is not a line at all.
                break;
            }

            string line = text[position..end];
            position = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);

            if (line.Length == 0)
            {
                // "If the line is empty (a blank line): Dispatch the event."
                // 1. The last event ID string is set from its buffer (the reader reports it per event).
                string lastEventId = lastEventIdBuffer;

                // 2. "If the data buffer is an empty string, set the data buffer and the event type
                //    buffer to the empty string and return."
                if (data.Length == 0)
                {
                    if (!sseParserDeviations)
                    {
                        eventType = null;
                    }

                    continue;
                }

                // 3. "If the data buffer's last character is a U+000A LINE FEED (LF) character, then
                //    remove the last character from the data buffer."
                string value = data.ToString();
                if (value.EndsWith('\n'))
                {
                    value = value[..^1];
                }

                // "If the event type buffer has a value other than the empty string, change the type
                //  of the newly created event to equal the value of the event type buffer."
                string type = sseParserDeviations
                    ? eventType ?? "message"
                    : string.IsNullOrEmpty(eventType) ? "message" : eventType;
                events.Add(new SseRecord(type, value, lastEventId, reconnectionTime));

                // "Set the data buffer and the event type buffer to the empty string."
                data.Clear();
                eventType = null;
                continue;
            }

            string field;
            string fieldValue;
            if (line[0] == ':')
            {
                // "If the line starts with a U+003A COLON character (:): Ignore the line."
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                // "Collect the characters on the line before the first U+003A COLON character (:),
                //  and let field be that string. Collect the characters on the line after the first
                //  U+003A COLON character (:), and let value be that string. If value starts with a
                //  U+0020 SPACE character, remove it from value."
                field = line[..colon];
                fieldValue = line[(colon + 1)..];
                if (fieldValue.StartsWith(' '))
                {
                    fieldValue = fieldValue[1..];
                }
            }
            else
            {
                // "using the whole line as the field name, and the empty string as the field value."
                field = line;
                fieldValue = "";
            }

            switch (field)
            {
                case "event":
                    // "Set the event type buffer to field value."
                    eventType = fieldValue;
                    break;
                case "data":
                    // "Append the field value to the data buffer, then append a single U+000A LINE FEED (LF)."
                    data.Append(fieldValue).Append('\n');
                    break;
                case "id":
                    // "If the field value does not contain U+0000 NULL, then set the last event ID
                    //  buffer to the field value. Otherwise, ignore the field."
                    if (!fieldValue.Contains('\0', StringComparison.Ordinal))
                    {
                        lastEventIdBuffer = fieldValue;
                    }

                    break;
                case "retry":
                    if (sseParserDeviations && fieldValue.TrimEnd('\0').Length > 0)
                    {
                        fieldValue = fieldValue.TrimEnd('\0');
                    }

                    // "If the field value consists of only ASCII digits, then interpret the field value
                    //  as an integer in base ten, and set the event stream's reconnection time to that
                    //  integer. Otherwise, ignore the field." (Values past TimeSpan's range are ignored too.)
                    if (fieldValue.Length > 0 && fieldValue.All(char.IsAsciiDigit) &&
                        long.TryParse(fieldValue, NumberStyles.None, CultureInfo.InvariantCulture, out long milliseconds) &&
                        milliseconds <= long.MaxValue / TimeSpan.TicksPerMillisecond)
                    {
                        reconnectionTime = TimeSpan.FromMilliseconds(milliseconds);
                    }

                    break;
                default:
                    // "Otherwise: The field is ignored."
                    break;
            }
        }

        return events;
    }
}
