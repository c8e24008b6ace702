using System.Text;

namespace Juhe.Http;

/// <summary>
/// Removes credentials from text that ends up in exception messages and body excerpts: a
/// gateway may echo the key it was sent (sometimes without its <c>sk-</c> prefix, which new-api
/// strips before looking it up), and anything shaped like a relay key is masked even when the
/// client does not know it.
/// </summary>
internal static class SecretRedactor
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Mask = "[redacted]";

    /// <summary>The shortest run of key characters after <c>sk-</c> that is treated as a key.</summary>
    private const int MinKeyBodyLength = 16;

    /// <summary>The shortest remainder of a known secret (after dropping <c>sk-</c> or <c>Bearer </c>) that is also masked.</summary>
    private const int MinStrippedSecretLength = 8;

    public static string? Redact(string? text, ReadOnlySpan<string?> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (string? secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            text = text.Replace(secret, Mask, StringComparison.Ordinal);
            text = ReplaceStripped(text, secret, "Bearer ");
            text = ReplaceStripped(text, secret, "sk-");
        }

        return RedactKeyShapes(text);
    }

    private static string ReplaceStripped(string text, string secret, string prefix)
    {
        if (secret.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && secret.Length - prefix.Length >= MinStrippedSecretLength)
        {
            return text.Replace(secret[prefix.Length..], Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Masks every <c>sk-</c> followed by at least <see cref="MinKeyBodyLength"/> key characters.</summary>
    private static string RedactKeyShapes(string text)
    {
        int at = text.IndexOf("sk-", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        int copied = 0;
        while (at >= 0)
        {
            int end = at + 3;
            while (end < text.Length && IsKeyChar(text[end]))
            {
                end++;
            }

            bool startsAWord = at == 0 || !IsKeyChar(text[at - 1]);
            if (startsAWord && end - (at + 3) >= MinKeyBodyLength)
            {
                result.Append(text, copied, at - copied).Append("sk-").Append(Mask);
                copied = end;
            }

            at = end < text.Length ? text.IndexOf("sk-", end, StringComparison.Ordinal) : -1;
        }

        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
