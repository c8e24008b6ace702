using System.Net;
using Juhe.Http;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Engine;

/// <summary>Each family's way of saying "failed" inside a 2xx answer raises with the gateway's message; its ways of saying "fine" do not.</summary>
public sealed class SuccessRuleTests
{
    [Theory]
    [InlineData(JuheSuccessRule.Management, """{"success":false,"message":"令牌名称过长"}""", "令牌名称过长")]
    [InlineData(JuheSuccessRule.Midjourney, """{"code":24,"description":"banned prompt","properties":{"bannedWord":"x"}}""", "banned prompt")]
    [InlineData(JuheSuccessRule.Midjourney, """{"code":23,"description":"queue full"}""", "queue full")]
    [InlineData(JuheSuccessRule.TaskCode, """{"code":"task_not_exist","message":"task_not_exist","data":null}""", "task_not_exist")]
    [InlineData(JuheSuccessRule.TaskCode, """{"code":1201,"message":"invalid model_name","request_id":"r"}""", "invalid model_name")]
    public async Task A_2xx_body_that_breaks_its_familys_rule_raises_with_the_gateways_message(JuheSuccessRule rule, string body, string message)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, body)));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendAsync(Get() with { SuccessRule = rule }, body: null, HttpTestJson.Default.Reply));

        Assert.Equal((JuheErrorKind.Gateway, HttpStatusCode.OK), (e.Kind, e.StatusCode));
        Assert.Equal(message, e.ErrorMessage);
    }

    [Theory]
    [InlineData(JuheSuccessRule.Management, """{"success":true,"message":"","text":"ok"}""")]
    [InlineData(JuheSuccessRule.Midjourney, """{"code":1,"description":"提交成功","text":"ok"}""")]
    [InlineData(JuheSuccessRule.Midjourney, """{"code":21,"description":"Waiting for window confirm","text":"ok"}""")]
    [InlineData(JuheSuccessRule.Midjourney, """{"code":22,"description":"排队中","text":"ok"}""")]
    [InlineData(JuheSuccessRule.TaskCode, """{"code":0,"message":"SUCCEED","text":"ok"}""")]
    [InlineData(JuheSuccessRule.TaskCode, """{"code":"success","text":"ok"}""")]
    [InlineData(JuheSuccessRule.TaskCode, """{"text":"ok"}""")]
    public async Task The_answers_a_family_calls_success_are_read_as_the_documented_type(JuheSuccessRule rule, string body)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, body)));

        Reply reply = await client.SendAsync(Get() with { SuccessRule = rule }, body: null, HttpTestJson.Default.Reply);

        Assert.Equal("ok", reply.Text);
    }

    [Fact]
    public async Task Header_parameters_are_sent_and_replace_the_clients_default_of_the_same_name()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"ok"}"""));
        using JuheClient client = Create(handler);
        JuheRequest request = Post("/v1/messages", JuheAuthStyle.AnthropicApiKey) with
        {
            Headers = [new("anthropic-version", "2024-10-22"), new("anthropic-beta", "prompt-caching-2024-07-31")],
        };

        await client.SendAsync(request, body: null, HttpTestJson.Default.Reply);

        RecordedRequest sent = handler.Requests[0];
        Assert.Equal(("2024-10-22", "prompt-caching-2024-07-31"), (sent.Header("anthropic-version"), sent.Header("anthropic-beta")));
        Assert.Equal(ApiKey, sent.Header("x-api-key"));
    }
}
