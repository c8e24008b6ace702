using System.Net;
using Juhe.Http;
using Juhe.Management;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Families;

/// <summary>The generated system API client (catalogue §16): routes, the system credentials, both token page shapes, and success:false.</summary>
public sealed class ManagementFamilyTests
{
    private const string PageAnswer = """
        {"success":true,"message":"","data":{"page":1,"page_size":20,"total":1,"items":[{"id":104,"user_id":1,"key":"sk-abcd****wxyz","status":1,"name":"ci-bot","created_time":1743155032,"accessed_time":1765864909,"expired_time":-1,"remain_quota":5000000,"unlimited_quota":false,"model_limits_enabled":false,"model_limits":"","allow_ips":"","used_quota":0,"group":""}]}}
        """;

    private const string ArrayAnswer = """
        {"success":true,"message":"","data":[{"id":104,"key":"sk-abcd****wxyz","status":1,"name":"ci-bot","expired_time":-1,"remain_quota":5000000},{"id":105,"status":2,"name":"old"}]}
        """;

    private static (JuheClient Client, FakeHandler Gateway) Answering(string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(status, json));
        return (Create(gateway), gateway);
    }

    [Fact]
    public async Task Listing_tokens_sends_the_page_under_both_size_names_with_the_system_credentials_and_reads_a_page_object()
    {
        (JuheClient client, FakeHandler gateway) = Answering(PageAnswer);
        using (client)
        {
            TokenList list = await client.Management.ListTokensAsync(page: 1, size: 20, pageSize: 20);

            RecordedRequest sent = gateway.Requests[0];
            Assert.Equal(HttpMethod.Get, sent.Method);
            Assert.Equal("https://gateway.example.com/api/token/?p=1&size=20&page_size=20", sent.Uri.ToString());
            Assert.Equal((AccessToken, "42"), (sent.Header("Authorization"), sent.Header("New-Api-User")));
            Token token = Assert.Single(list.Data!.Page!.Items!);
            Assert.Equal((104L, "ci-bot", "sk-abcd****wxyz", -1L, 5_000_000L), (token.Id, token.Name, token.Key, token.ExpiredTime, token.RemainQuota));
            Assert.Equal((1, 20, 1), (list.Data.Page.Page, list.Data.Page.PageSize, list.Data.Page.Total));
            Assert.Null(list.Data.Items);
        }
    }

    [Fact]
    public async Task Listing_tokens_from_an_older_build_reads_the_bare_array()
    {
        (JuheClient client, _) = Answering(ArrayAnswer);
        using (client)
        {
            TokenList list = await client.Management.ListTokensAsync();

            Assert.Null(list.Data!.Page);
            Assert.Equal(["ci-bot", "old"], list.Data.Items!.Select(t => t.Name));
            Assert.Equal(2, list.Data.Items![1].Status);
        }
    }

    [Fact]
    public async Task Listing_without_paging_sends_no_query()
    {
        (JuheClient client, FakeHandler gateway) = Answering(ArrayAnswer);
        using (client)
        {
            await client.Management.ListTokensAsync();

            Assert.Equal("https://gateway.example.com/api/token/", gateway.Requests[0].Uri.ToString());
        }
    }

    [Fact]
    public async Task Creating_a_token_posts_the_catalogue_body()
    {
        (JuheClient client, FakeHandler gateway) = Answering("""{"success":true,"message":""}""");
        using (client)
        {
            CreateTokenRequest request = CreateTokenRequest.CreateBuilder("ci-bot")
                .WithRemainQuota(5_000_000).WithExpiredTime(-1).WithUnlimitedQuota(false).WithModelLimitsEnabled(false)
                .WithModelLimits("").WithAllowIps("").WithGroup("").Build();

            ManagementResult result = await client.Management.CreateTokenAsync(request);

            RecordedRequest sent = gateway.Requests[0];
            Assert.Equal((HttpMethod.Post, "/api/token/"), (sent.Method, sent.Uri.AbsolutePath));
            JsonAssert.Equivalent("""{"name":"ci-bot","remain_quota":5000000,"expired_time":-1,"unlimited_quota":false,"model_limits_enabled":false,"model_limits":"","allow_ips":"","group":""}""", sent.BodyText);
            Assert.True(result.Success);
        }
    }

    [Fact]
    public async Task Updating_a_token_puts_the_whole_object_and_can_ask_for_a_status_only_change()
    {
        (JuheClient client, FakeHandler gateway) = Answering("""{"success":true,"message":"","data":{"id":104,"status":2,"name":"ci-bot"}}""");
        using (client)
        {
            TokenResult result = await client.Management.UpdateTokenAsync(new Token { Id = 104, Status = 2 }, statusOnly: true);

            RecordedRequest sent = gateway.Requests[0];
            Assert.Equal((HttpMethod.Put, "https://gateway.example.com/api/token/?status_only=true"), (sent.Method, sent.Uri.ToString()));
            JsonAssert.Equivalent("""{"id":104,"status":2}""", sent.BodyText);
            Assert.Equal(2, result.Data!.Status);
        }
    }

    [Fact]
    public async Task Getting_and_deleting_a_token_put_its_id_in_the_path()
    {
        FakeHandler gateway = FakeHandler.Answering(
            () => Responses.Json(HttpStatusCode.OK, """{"success":true,"message":"","data":{"id":104,"name":"ci-bot"}}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"success":true,"message":""}"""));
        using JuheClient client = Create(gateway, maxRetries: 0);

        TokenResult token = await client.Management.GetTokenAsync(104);
        ManagementResult deleted = await client.Management.DeleteTokenAsync(104);

        Assert.Equal((HttpMethod.Get, "/api/token/104"), (gateway.Requests[0].Method, gateway.Requests[0].Uri.AbsolutePath));
        Assert.Equal((HttpMethod.Delete, "/api/token/104"), (gateway.Requests[1].Method, gateway.Requests[1].Uri.AbsolutePath));
        Assert.Equal("ci-bot", token.Data!.Name);
        Assert.True(deleted.Success);
    }

    [Fact]
    public async Task Searching_tokens_escapes_the_keyword_and_reads_either_shape()
    {
        (JuheClient client, FakeHandler gateway) = Answering(ArrayAnswer);
        using (client)
        {
            TokenList found = await client.Management.SearchTokensAsync(keyword: "ci bot&x");

            Assert.Equal("?keyword=ci%20bot%26x", gateway.Requests[0].Uri.Query);
            Assert.Equal(2, found.Data!.Items!.Count);
        }
    }

    [Fact]
    public async Task The_account_is_read_from_user_self()
    {
        (JuheClient client, FakeHandler gateway) = Answering("""
            {"success":true,"message":"","data":{"id":42,"username":"ada","display_name":"Ada","role":1,"status":1,"email":"","group":"default","quota":500000000,"used_quota":1234,"request_count":9,"aff_code":"Xy12","aff_count":0,"aff_quota":0,"aff_history_quota":0,"inviter_id":0,"github_id":"","wechat_id":"","telegram_id":"","oidc_id":"","linux_do_id":"","setting":""}}
            """);
        using (client)
        {
            UserResult self = await client.Management.GetSelfAsync();

            Assert.Equal("/api/user/self", gateway.Requests[0].Uri.AbsolutePath);
            Assert.Equal((42L, "ada", "default", 500_000_000L, 1234L), (self.Data!.Id, self.Data.Username, self.Data.Group, self.Data.Quota, self.Data.UsedQuota));
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "令牌名称过长")]
    [InlineData(HttpStatusCode.Unauthorized, "无权进行此操作，未登录且未提供 access token")]
    public async Task Success_false_raises_with_the_gateways_message_and_never_the_credentials(HttpStatusCode status, string message)
    {
        (JuheClient client, _) = Answering($$"""{"success":false,"message":"{{message}}"}""", status);
        using (client)
        {
            var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Management.CreateTokenAsync(CreateTokenRequest.CreateBuilder("x").Build()));

            Assert.Equal((JuheErrorKind.Gateway, status, message), (e.Kind, e.StatusCode, e.ErrorMessage));
            Assert.DoesNotContain(AccessToken, e.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(ApiKey, e.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_list_without_data_reads_as_no_data()
    {
        (JuheClient client, _) = Answering("""{"success":true,"message":"","data":null}""");
        using (client)
        {
            TokenList list = await client.Management.ListTokensAsync();

            Assert.Null(list.Data);
        }
    }
}
