using System.Net;
using Juhe.Http;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.ErrorContract;

/// <summary>A 2xx answer whose body is an error envelope is the gateway reporting an error, with its own words kept.</summary>
public sealed class SuccessEnvelopeTests
{
    [Fact]
    public async Task A_200_OpenAI_error_envelope_keeps_the_gateways_message_type_and_code()
    {
        const string Quota = """{"error":{"message":"用户额度不足, 剩余额度: ¥0.000000 (request id: 2025quota)","type":"new_api_error","param":"","code":"insufficient_user_quota"}}""";

        JuheApiException e = await Call(Quota);

        Assert.Equal(JuheErrorKind.Gateway, e.Kind);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.StartsWith("用户额度不足", e.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("new_api_error", e.ErrorType);
        Assert.Equal("insufficient_user_quota", e.ErrorCode);
        Assert.Equal("2025quota", e.RequestId);
        Assert.DoesNotContain("documented", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_Claude_error_envelope_keeps_the_gateways_message()
    {
        JuheApiException e = await Call("""{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");

        Assert.Equal(("Overloaded", "overloaded_error"), (e.ErrorMessage, e.ErrorType));
    }

    [Fact]
    public async Task A_200_body_that_is_only_a_text_error_is_the_gateways_error()
    {
        JuheApiException e = await Call("""{"error":"当前分组上游负载已饱和，请稍后再试"}""");

        Assert.Equal(("当前分组上游负载已饱和，请稍后再试", JuheErrorKind.Gateway), (e.ErrorMessage, e.Kind));
    }

    [Theory]
    [InlineData("""{"text":"p1","status":"failed","error":"NSFW"}""")]
    [InlineData("""{"text":"p1","status":"failed","error":{"code":"moderation","message":"blocked"}}""")]
    public async Task An_error_beside_a_status_is_an_object_describing_itself_not_an_envelope(string body)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, body)));

        Reply reply = await client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);

        Assert.Equal("p1", reply.Text);
    }

    [Fact]
    public async Task A_success_body_with_a_null_error_member_is_read_as_the_documented_type()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"fine","error":null}""")));

        Reply reply = await client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);

        Assert.Equal("fine", reply.Text);
    }

    [Fact]
    public async Task A_body_that_is_neither_an_envelope_nor_the_documented_shape_says_so_and_is_not_a_gateway_error()
    {
        JuheApiException e = await Call("""{"text":["unexpected"]}""");

        Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
        Assert.Null(e.ErrorMessage);
        Assert.Contains("is not the documented Reply shape", e.Message, StringComparison.Ordinal);
        Assert.Contains("[\"unexpected\"]", e.BodyExcerpt, StringComparison.Ordinal);
    }

    private static async Task<JuheApiException> Call(string body)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, body)));
        return await Assert.ThrowsAsync<JuheApiException>(() => client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply));
    }
}
