using System.Globalization;
using Juhe.Gateway.Catalog;
using Microsoft.AspNetCore.Http;

namespace Juhe.Gateway.Serving;

/// <summary>
/// The credentials check of new-api's middleware (catalogue §0.2): which headers each auth style
/// reads, and the 401 it answers when they are missing or wrong. The key is never repeated in an answer.
/// </summary>
internal sealed class AuthCheck(JuheGatewayOptions options)
{
    private const string NoToken = "未提供令牌";
    private const string InvalidToken = "无效的令牌";

    private readonly HashSet<string> _keys = new(options.ApiKeys.Select(StripKeyPrefix), StringComparer.Ordinal);

    /// <summary>The 401 the request earns, and the envelope it is written in; <see langword="null"/> when it may pass.</summary>
    public (ErrorReply Reply, ErrorStyle Style)? Check(HttpRequest request, AuthStyle style) => style switch
    {
        AuthStyle.None => null,
        AuthStyle.System => CheckSystem(request),
        _ => CheckKey(FindKey(request, style)),
    };

    private static string? FindKey(HttpRequest request, AuthStyle style)
    {
        if (style == AuthStyle.Anthropic && Header(request, "x-api-key") is { } anthropicKey)
        {
            return anthropicKey;
        }

        if (style == AuthStyle.Google)
        {
            if (Header(request, "x-goog-api-key") is { } googleKey)
            {
                return googleKey;
            }

            if (request.Query.TryGetValue("key", out var queryKey) && queryKey.Count > 0 && !string.IsNullOrEmpty(queryKey[0]))
            {
                return queryKey[0];
            }
        }

        return Header(request, "Authorization") is { } authorization ? StripBearer(authorization) : null;
    }

    // Pre-relay middleware failures are OpenAI-shaped on every relay route, Claude's and Gemini's included.
    private (ErrorReply, ErrorStyle)? CheckKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return (new ErrorReply(401, NoToken, "new_api_error", null), ErrorStyle.OpenAI);
        }

        bool malformed = key.Any(char.IsWhiteSpace);
        bool unknown = _keys.Count > 0 && !_keys.Contains(StripKeyPrefix(key));
        return malformed || unknown ? (new ErrorReply(401, InvalidToken, "new_api_error", null), ErrorStyle.OpenAI) : null;
    }

    private (ErrorReply, ErrorStyle)? CheckSystem(HttpRequest request)
    {
        string? token = Header(request, "Authorization") is { } authorization ? StripBearer(authorization) : null;
        if (string.IsNullOrWhiteSpace(token))
        {
            return Refuse("无权进行此操作，未登录且未提供 access token");
        }

        if (_keys.Count > 0 && !string.Equals(token, options.SystemAccessToken, StringComparison.Ordinal))
        {
            return Refuse("无权进行此操作，access token 无效");
        }

        string? user = Header(request, "New-Api-User");
        if (string.IsNullOrWhiteSpace(user))
        {
            return Refuse("无权进行此操作，未提供 New-Api-User");
        }

        if (!long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out long userId))
        {
            return Refuse("无权进行此操作，New-Api-User 格式错误");
        }

        return _keys.Count > 0 && userId != options.UserId ? Refuse("无权进行此操作，New-Api-User 与登录用户不匹配") : null;

        static (ErrorReply, ErrorStyle) Refuse(string message) => (new ErrorReply(401, message, "new_api_error", null), ErrorStyle.Management);
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    // "Bearer " with nothing after it reaches the server as "Bearer" once the header is trimmed.
    private static string StripBearer(string value) =>
        value.Trim().Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? string.Empty
        : value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : value.Trim();

    private static string StripKeyPrefix(string key) => key.StartsWith("sk-", StringComparison.Ordinal) ? key[3..] : key;
}
