using System.Net;
using System.Text;
using Juhe.Http;

namespace Juhe.Tests.Http;

public class JuheApiExceptionFromResponseBodyTests
{
    private static JuheApiException Parse(HttpStatusCode status, string body, string? requestId = null) =>
        JuheApiException.FromResponseBody(status, Encoding.UTF8.GetBytes(body), requestId);

    [Fact]
    public void An_OpenAI_style_envelope_gives_message_type_string_code_and_the_request_id_from_the_message()
    {
        var e = Parse(HttpStatusCode.BadRequest,
            """{"error":{"message":"敏感词检测失败 (request id: 20250411153000123456789)","type":"new_api_error","param":"","code":"sensitive_words_detected"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("敏感词检测失败 (request id: 20250411153000123456789)", e.ErrorMessage);
        Assert.Equal("new_api_error", e.ErrorType);
        Assert.Equal("sensitive_words_detected", e.ErrorCode);
        Assert.Equal("20250411153000123456789", e.RequestId);
        Assert.Contains("400", e.Message, StringComparison.Ordinal);
        Assert.Contains("敏感词检测失败", e.Message, StringComparison.Ordinal);
        Assert.Contains("sensitive_words_detected", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public void An_integer_error_code_is_kept_as_its_text()
    {
        var e = Parse(HttpStatusCode.InternalServerError, """{"error":{"message":"boom","type":"upstream_error","param":null,"code":500}}""");

        Assert.Equal("500", e.ErrorCode);
        Assert.Equal("upstream_error", e.ErrorType);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public void An_empty_code_string_means_no_code()
    {
        var e = Parse(HttpStatusCode.NotFound, """{"error":{"message":"Invalid URL (GET /v1/xyz)","type":"invalid_request_error","param":"","code":""}}""");

        Assert.Null(e.ErrorCode);
        Assert.Equal("Invalid URL (GET /v1/xyz)", e.ErrorMessage);
        Assert.Null(e.RequestId);
    }

    [Fact]
    public void A_pre_relay_middleware_envelope_without_code_gives_message_and_type()
    {
        var e = Parse(HttpStatusCode.Unauthorized, """{"error":{"message":"无效的令牌 (request id: abc123)","type":"new_api_error"}}""");

        Assert.Equal("无效的令牌 (request id: abc123)", e.ErrorMessage);
        Assert.Equal("new_api_error", e.ErrorType);
        Assert.Null(e.ErrorCode);
        Assert.Equal("abc123", e.RequestId);
    }

    [Fact]
    public void A_Claude_envelope_gives_the_inner_type_not_the_word_error()
    {
        var e = Parse(HttpStatusCode.BadRequest,
            """{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required (request id: r-9)"}}""");

        Assert.Equal("invalid_request_error", e.ErrorType);
        Assert.Equal("max_tokens: Field required (request id: r-9)", e.ErrorMessage);
        Assert.Equal("r-9", e.RequestId);
        Assert.Null(e.ErrorCode);
    }

    [Fact]
    public void A_Claude_error_inside_a_stream_has_status_200_and_says_it_came_inside_a_successful_response()
    {
        var e = Parse(HttpStatusCode.OK, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("overloaded_error", e.ErrorType);
        Assert.StartsWith("The gateway reported an error inside a 200 (OK) response: Overloaded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_route_envelope_gives_code_and_message()
    {
        var e = Parse(HttpStatusCode.BadRequest, """{"code":"task_not_exist","message":"task_not_exist","data":null}""");

        Assert.Equal("task_not_exist", e.ErrorCode);
        Assert.Equal("task_not_exist", e.ErrorMessage);
        Assert.Null(e.ErrorType);
    }

    [Fact]
    public void A_Midjourney_envelope_gives_the_numeric_code_and_the_description()
    {
        var e = Parse(HttpStatusCode.OK, """{"code":24,"description":"可能包含敏感词","result":null,"properties":{"promptEn":"x"}}""");

        Assert.Equal("24", e.ErrorCode);
        Assert.Equal("可能包含敏感词", e.ErrorMessage);
    }

    [Fact]
    public void A_Midjourney_middleware_envelope_gives_description_type_and_code()
    {
        var e = Parse(HttpStatusCode.Unauthorized, """{"description":"无效的令牌 (request id: mj-1)","type":"new_api_error","code":4}""");

        Assert.Equal("无效的令牌 (request id: mj-1)", e.ErrorMessage);
        Assert.Equal("new_api_error", e.ErrorType);
        Assert.Equal("4", e.ErrorCode);
        Assert.Equal("mj-1", e.RequestId);
    }

    [Fact]
    public void A_management_envelope_gives_its_message()
    {
        var e = Parse(HttpStatusCode.OK, """{"success":false,"message":"无权进行此操作，未登录且未提供 access token"}""");

        Assert.Equal("无权进行此操作，未登录且未提供 access token", e.ErrorMessage);
        Assert.Contains("未登录", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_management_failure_without_a_message_still_counts_as_an_envelope()
    {
        var e = Parse(HttpStatusCode.OK, """{"success":false}""");

        Assert.Null(e.ErrorMessage);
        Assert.Contains("no error message was given", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Gemini_envelope_gives_the_numeric_code_and_the_status_as_type()
    {
        var e = Parse(HttpStatusCode.BadRequest,
            """{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo"}]}}""");

        Assert.Equal("400", e.ErrorCode);
        Assert.Equal("API key not valid.", e.ErrorMessage);
        Assert.Equal("INVALID_ARGUMENT", e.ErrorType);
    }

    [Fact]
    public void A_Gemini_envelope_wrapped_in_an_array_is_read_from_its_first_element()
    {
        var e = Parse(HttpStatusCode.TooManyRequests, """[{"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}}]""");

        Assert.Equal("Resource exhausted", e.ErrorMessage);
        Assert.Equal("RESOURCE_EXHAUSTED", e.ErrorType);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public void A_string_error_field_is_the_message()
    {
        var e = Parse(HttpStatusCode.BadGateway, """{"error":"upstream timed out"}""");

        Assert.Equal("upstream timed out", e.ErrorMessage);
    }

    [Fact]
    public void The_header_request_id_wins_over_the_one_in_the_message_and_is_not_repeated()
    {
        var e = Parse(HttpStatusCode.Forbidden, """{"error":{"message":"denied (request id: from-body)","type":"new_api_error"}}""", "from-header");

        Assert.Equal("from-header", e.RequestId);
        Assert.Contains("[request id: from-header]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_id_already_in_the_message_is_not_repeated()
    {
        var e = Parse(HttpStatusCode.Forbidden, """{"error":{"message":"denied (request id: x1)","type":"new_api_error"}}""", "x1");

        Assert.DoesNotContain("[request id:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_strings_are_unescaped()
    {
        var e = Parse(HttpStatusCode.BadRequest, """{"error":{"message":"line \"one\"\n\u4f60\u597d","type":"t"}}""");

        Assert.Equal("line \"one\"\n你好", e.ErrorMessage);
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_skipped()
    {
        var e = Parse(HttpStatusCode.BadRequest,
            """{"meta":{"a":[1,{"message":"not me"}]},"error":{"extra":{"message":"nor me"},"message":"me","type":"t"},"data":[{}]}""");

        Assert.Equal("me", e.ErrorMessage);
    }

    [Fact]
    public void An_nginx_HTML_page_is_reported_as_an_HTML_page_with_its_title()
    {
        var e = Parse(HttpStatusCode.BadGateway,
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");

        Assert.Contains("HTML page", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"502 Bad Gateway\"", e.Message, StringComparison.Ordinal);
        Assert.Null(e.ErrorMessage);
        Assert.StartsWith("<html>", e.BodyExcerpt, StringComparison.Ordinal);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public void A_Cloudflare_page_title_is_decoded_and_its_white_space_collapsed()
    {
        var e = Parse((HttpStatusCode)524,
            "<!DOCTYPE html>\n<HTML lang=\"en-US\"><HEAD><TITLE>\n  example.com | 524: A timeout occurred &amp; more\n</TITLE></HEAD></HTML>");

        Assert.Contains("\"example.com | 524: A timeout occurred & more\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("524", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_HTML_page_without_a_title_says_so()
    {
        var e = Parse(HttpStatusCode.BadGateway, "<html><body>bad</body></html>");

        Assert.Contains("HTML page", e.Message, StringComparison.Ordinal);
        Assert.Contains("no title", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_reported_with_its_first_line()
    {
        var e = Parse(HttpStatusCode.ServiceUnavailable, "upstream connect error or disconnect/reset before headers\nmore detail");

        Assert.Contains("plain text", e.Message, StringComparison.Ordinal);
        Assert.Contains("upstream connect error or disconnect/reset before headers", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("more detail", e.Message, StringComparison.Ordinal);
        Assert.Equal("upstream connect error or disconnect/reset before headers\nmore detail", e.BodyExcerpt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n ")]
    public void An_empty_body_is_reported_as_empty(string body)
    {
        var e = Parse(HttpStatusCode.BadGateway, body);

        Assert.Contains("empty body", e.Message, StringComparison.Ordinal);
        Assert.Null(e.ErrorMessage);
    }

    [Fact]
    public void Truncated_JSON_before_any_field_is_reported_as_invalid_JSON_with_where_it_broke()
    {
        var e = Parse(HttpStatusCode.InternalServerError, """{"err""");

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("byte", e.Message, StringComparison.Ordinal);
        Assert.Contains("{\"err", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_JSON_keeps_the_fields_read_before_the_break()
    {
        var e = Parse(HttpStatusCode.InternalServerError, """{"error":{"message":"upstream overloaded","type":"upstream_error","par""");

        Assert.Equal("upstream overloaded", e.ErrorMessage);
        Assert.Equal("upstream_error", e.ErrorType);
    }

    [Fact]
    public void JSON_in_no_known_envelope_says_so_and_shows_the_start_of_the_body()
    {
        var e = Parse(HttpStatusCode.BadRequest, """{"foo":1,"bar":[true]}""");

        Assert.Contains("not a known error envelope", e.Message, StringComparison.Ordinal);
        Assert.Contains("{\"foo\":1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"error\"}")]
    [InlineData("{\"error\":null}")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"error\":{\"message\":")]
    [InlineData("{\"error\":{\"message\":\"\\ud800\"}}")]
    [InlineData("{{{{")]
    [InlineData("\u00ef\u00bb\u00bf")]
    public void Garbage_never_throws_and_always_gives_a_message(string body)
    {
        var e = Parse(HttpStatusCode.InternalServerError, body);

        Assert.StartsWith("The gateway answered 500 (InternalServerError)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_and_deep_nesting_never_throw()
    {
        byte[] invalid = [(byte)'{', 0xFF, 0xFE, (byte)'}'];
        byte[] deep = Encoding.UTF8.GetBytes(new string('[', 10_000));

        Assert.NotNull(JuheApiException.FromResponseBody(HttpStatusCode.BadRequest, invalid, null).Message);
        Assert.Contains("not valid JSON", JuheApiException.FromResponseBody(HttpStatusCode.BadRequest, deep, null).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_excerpt_is_bounded()
    {
        string body = """{"error":{"message":"m","type":"t"},"pad":" """ + new string('x', 10_000) + "\"}";

        var e = Parse(HttpStatusCode.BadRequest, body);

        Assert.Equal(JuheApiException.MaxBodyExcerptLength + 1, e.BodyExcerpt!.Length);
        Assert.EndsWith("…", e.BodyExcerpt, StringComparison.Ordinal);
        Assert.Equal("m", e.ErrorMessage);
    }

    [Fact]
    public void A_relay_key_echoed_by_the_gateway_is_masked_in_message_and_excerpt()
    {
        const string key = "sk-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
        var e = Parse(HttpStatusCode.Unauthorized, $$$"""{"error":{"message":"无效的令牌 {{{key}}}","type":"new_api_error"}}""");

        Assert.DoesNotContain(key, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, e.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(key, e.BodyExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain(key, e.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_masked_key_as_the_gateway_lists_it_is_left_readable()
    {
        var e = Parse(HttpStatusCode.BadRequest, """{"success":false,"message":"token sk-abcd****wxyz is disabled"}""");

        Assert.Contains("sk-abcd****wxyz", e.Message, StringComparison.Ordinal);
    }
}
