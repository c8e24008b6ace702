using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Juhe.Http;

/// <summary>
/// A <c>multipart/form-data</c> body built part by part: text fields, files, and JSON parts.
/// Files are streamed to the socket as the request is sent, never buffered whole. Generated
/// upload methods build one from their typed request; callers with endpoints of their own may too.
/// </summary>
public sealed class JuheMultipartBody : JuheBody
{
    private readonly List<Part> _parts = [];

    /// <inheritdoc/>
    public override bool CanResend => _parts.TrueForAll(static p => p.File?.CanResend ?? true);

    /// <summary>How many parts the body has.</summary>
    public int Count => _parts.Count;

    internal override string NotResendableReason =>
        $"the file part '{_parts.Find(static p => p.File is { CanResend: false })?.File?.FileName}' reads a stream that cannot seek, so it cannot be sent twice (pass a seekable stream, a byte array or a path to allow retries)";

    /// <summary>Adds a text field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value, sent as UTF-8 text.</param>
    /// <returns>This body.</returns>
    public JuheMultipartBody Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _parts.Add(new Part(name, value, null, null));
        return this;
    }

    /// <summary>Adds a number field, written in the invariant culture.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This body.</returns>
    public JuheMultipartBody Add(string name, double value) => Add(name, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds an integer field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This body.</returns>
    public JuheMultipartBody Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean field as <c>true</c> or <c>false</c>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This body.</returns>
    public JuheMultipartBody Add(string name, bool value) => Add(name, value ? "true" : "false");

    /// <summary>Adds a file part.</summary>
    /// <param name="name">The field name (such as <c>file</c>, <c>image</c> or <c>image[]</c>).</param>
    /// <param name="file">The file.</param>
    /// <returns>This body.</returns>
    public JuheMultipartBody Add(string name, JuheFile file)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(file);
        _parts.Add(new Part(name, null, file, null));
        return this;
    }

    /// <summary>Adds a field whose value is JSON (such as Ideogram's <c>image_request</c> or a color palette).</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <param name="type">Its serialization metadata.</param>
    /// <returns>This body.</returns>
    public JuheMultipartBody AddJson<T>(string name, T value, JsonTypeInfo<T> type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        _parts.Add(new Part(name, null, null, () => PooledJsonContent.Create(value, type)));
        return this;
    }

    internal override HttpContent CreateContent(string? streamFlag, bool streaming)
    {
        var content = new MultipartFormDataContent("juhe-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (Part part in _parts)
            {
                HttpContent partContent = part.CreateContent();
                partContent.Headers.ContentDisposition = Disposition(part.Name, part.File?.FileName);
                content.Add(partContent);
            }

            if (streamFlag is not null && streaming)
            {
                HttpContent flag = new StringContent("true", Encoding.UTF8);
                flag.Headers.ContentType = null;
                flag.Headers.ContentDisposition = Disposition(streamFlag, null);
                content.Add(flag);
            }

            return content;
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>form-data; name="…"; filename="…"</c> with quoted values (field names such as <c>image[]</c> are
    /// not HTTP tokens), and <c>filename*</c> for a name that is not ASCII.
    /// </summary>
    private static ContentDispositionHeaderValue Disposition(string name, string? fileName)
    {
        var disposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        if (fileName is not null)
        {
            if (Ascii.IsValid(fileName))
            {
                disposition.FileName = Quote(fileName);
            }
            else
            {
                disposition.FileName = Quote(AsciiFallback(fileName));
                disposition.FileNameStar = fileName;
            }
        }

        return disposition;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string AsciiFallback(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (char c in fileName)
        {
            ascii.Append(char.IsAscii(c) && !char.IsControl(c) ? c : '_');
        }

        return ascii.ToString();
    }

    private sealed record Part(string Name, string? Text, JuheFile? File, Func<HttpContent>? Json)
    {
        public HttpContent CreateContent()
        {
            if (File is not null)
            {
                HttpContent content = File.CreateContent();
                content.Headers.ContentType = new MediaTypeHeaderValue(File.ContentType);
                return content;
            }

            if (Json is not null)
            {
                return Json();
            }

            // A bare text field: no Content-Type, as browsers send it (some servers read typed parts as files).
            var text = new StringContent(Text!, Encoding.UTF8);
            text.Headers.ContentType = null;
            return text;
        }
    }
}
