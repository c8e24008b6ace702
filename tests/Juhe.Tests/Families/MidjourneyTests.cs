using System.Net;
using Juhe.Http;
using Juhe.Midjourney;
using Juhe.Tasks;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using Juhe.Tests.Tasks;

namespace Juhe.Tests.Families;

/// <summary>
/// <c>client.Midjourney</c> (catalogue §8): every submit kind on the wire with and without a speed
/// prefix, the submit code table, fetch / list / image-seed, follow-up buttons, and a task polled
/// to success and to failure.
/// </summary>
public class MidjourneyTests
{
    private const string Gateway = "https://gateway.example.com";
    private const string TaskId = "1735000123456789";
    private const string Submitted = """{"code":1,"description":"提交成功","result":"1735000123456789","properties":{"discordInstanceId":"1118138338562560102"}}""";

    private static (FakeHandler Handler, JuheClient Client) Gatewayed(params Func<HttpResponseMessage>[] answers)
    {
        FakeHandler handler = FakeHandler.Answering(answers.Length == 0 ? [() => Responses.Json(HttpStatusCode.OK, Submitted)] : answers);
        return (handler, TestClients.Create(handler, maxRetries: 0));
    }

    private static void AssertPost(RecordedRequest sent, string path, string body)
    {
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(Gateway + path, sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Header("Authorization"));
        JsonAssert.Equivalent(body, sent.BodyText);
    }

    public static TheoryData<string, Func<MidjourneyClient, Task<MidjourneySubmitResult>>, string, string> SubmitKinds() => new()
    {
        { "imagine", c => c.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("a red fox in snow, cinematic --ar 16:9").WithBotType(MidjourneyBotType.Midjourney).WithBase64Array([]).Build()),
            "/mj/submit/imagine", """{"prompt":"a red fox in snow, cinematic --ar 16:9","botType":"MID_JOURNEY","base64Array":[]}""" },
        { "imagine with an account filter", c => c.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("cat").WithAccountFilter(new MidjourneyAccountFilter { Modes = [MidjourneyAccountMode.Relax] }).WithNotifyHook("https://me.example/hook").WithState("s1").Build()),
            "/mj/submit/imagine", """{"prompt":"cat","accountFilter":{"modes":["RELAX"]},"notifyHook":"https://me.example/hook","state":"s1"}""" },
        { "action", c => c.ActionAsync(MidjourneyActionRequest.CreateBuilder(TaskId, "MJ::JOB::upsample::1::8c2f").WithChooseSameChannel(true).Build()),
            "/mj/submit/action", """{"taskId":"1735000123456789","customId":"MJ::JOB::upsample::1::8c2f","chooseSameChannel":true}""" },
        { "blend", c => c.BlendAsync(MidjourneyBlendRequest.CreateBuilder(["data:image/png;base64,AA==", "data:image/png;base64,AQ=="]).WithDimensions(MidjourneyBlendDimensions.Landscape).WithBotType(MidjourneyBotType.NijiJourney).Build()),
            "/mj/submit/blend", """{"base64Array":["data:image/png;base64,AA==","data:image/png;base64,AQ=="],"dimensions":"LANDSCAPE","botType":"NIJI_JOURNEY"}""" },
        { "describe", c => c.DescribeAsync(new MidjourneyDescribeRequestBuilder().WithBase64("data:image/png;base64,AA==").Build()),
            "/mj/submit/describe", """{"base64":"data:image/png;base64,AA=="}""" },
        { "shorten", c => c.ShortenAsync(MidjourneyShortenRequest.CreateBuilder("a very very long prompt").Build()),
            "/mj/submit/shorten", """{"prompt":"a very very long prompt"}""" },
        { "modal", c => c.ModalAsync(MidjourneyModalRequest.CreateBuilder(TaskId).WithPrompt("a hat").WithMaskBase64("data:image/png;base64,AA==").Build()),
            "/mj/submit/modal", """{"taskId":"1735000123456789","prompt":"a hat","maskBase64":"data:image/png;base64,AA=="}""" },
        { "swap face", c => c.SwapFaceAsync(MidjourneySwapFaceRequest.CreateBuilder("data:image/png;base64,AA==", "data:image/png;base64,AQ==").Build()),
            "/mj/insight-face/swap", """{"sourceBase64":"data:image/png;base64,AA==","targetBase64":"data:image/png;base64,AQ=="}""" },
        { "change", c => c.ChangeAsync(MidjourneyChangeRequest.CreateBuilder(TaskId, MidjourneyChangeAction.Upscale).WithIndex(2).Build()),
            "/mj/submit/change", """{"taskId":"1735000123456789","action":"UPSCALE","index":2}""" },
        { "simple change", c => c.SimpleChangeAsync(MidjourneySimpleChangeRequest.CreateBuilder("1320098173412546 U2").Build()),
            "/mj/submit/simple-change", """{"content":"1320098173412546 U2"}""" },
    };

    [Theory]
    [MemberData(nameof(SubmitKinds))]
    public async Task Each_submit_kind_posts_its_body_to_its_route_and_returns_the_task_id(string kind, Func<MidjourneyClient, Task<MidjourneySubmitResult>> submit, string path, string body)
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            MidjourneySubmitResult result = await submit(client.Midjourney);

            AssertPost(Assert.Single(handler.Requests), path, body);
            Assert.Equal((MidjourneySubmitOutcome.Submitted, TaskId), (result.Outcome, result.Result));
            Assert.Equal("1118138338562560102", result.Properties!.DiscordInstanceId);
            Assert.NotEmpty(kind);
        }
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("relax")]
    [InlineData("turbo")]
    public async Task A_speed_mode_is_the_first_path_segment(string mode)
    {
        (FakeHandler handler, JuheClient client) = Gatewayed();
        using (client)
        {
            await client.Midjourney.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("cat").Build(), mode: new MidjourneySpeed(mode));
            await client.Midjourney.ActionAsync(MidjourneyActionRequest.CreateBuilder(TaskId, "MJ::JOB::reroll::0::8c2f::SOLO").Build(), mode: new MidjourneySpeed(mode));

            Assert.Equal($"{Gateway}/{mode}/mj/submit/imagine", handler.Requests[0].Uri.AbsoluteUri);
            Assert.Equal($"{Gateway}/{mode}/mj/submit/action", handler.Requests[1].Uri.AbsoluteUri);
        }
    }

    [Fact]
    public async Task Code_22_is_queued_with_the_queue_length_and_code_21_asks_for_a_modal_without_raising()
    {
        (FakeHandler _, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.OK, """{"code":22,"description":"排队中，前面还有2个任务","result":"1735000000000001","properties":{"numberOfQueues":2}}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"code":21,"description":"Waiting for window confirm","result":"1735000000000002","properties":{"finalPrompt":"a cat"}}"""));
        using (client)
        {
            MidjourneySubmitResult queued = await client.Midjourney.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("cat").Build());
            MidjourneySubmitResult modal = await client.Midjourney.ActionAsync(MidjourneyActionRequest.CreateBuilder(TaskId, "MJ::Inpaint::1::8c2f::SOLO").Build());

            Assert.Equal((MidjourneySubmitOutcome.Queued, 2, false), (queued.Outcome, queued.QueueLength, queued.NeedsModal));
            Assert.Equal((MidjourneySubmitOutcome.NeedsModal, true, "1735000000000002"), (modal.Outcome, modal.NeedsModal, modal.Result));
        }
    }

    [Theory]
    [InlineData(23, "队列已满，请稍后尝试")]
    [InlineData(24, "可能包含敏感词")]
    [InlineData(3, "关联任务不存在或状态不匹配")]
    [InlineData(4, "prompt不能为空")]
    [InlineData(9, "系统异常")]
    public async Task Any_other_code_raises_JuheApiException_with_its_description(int code, string description)
    {
        (FakeHandler _, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK, $$$"""{"code":{{{code}}},"description":"{{{description}}}","result":null,"properties":{"bannedWord":"x"}}"""));
        using (client)
        {
            JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Midjourney.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("cat").Build()));

            Assert.Contains(description, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(TestClients.ApiKey, e.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_gateway_middleware_failure_in_the_MJ_shape_raises_with_its_description()
    {
        (FakeHandler _, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.Unauthorized, """{"description":"无效的令牌","type":"new_api_error","code":401}"""));
        using (client)
        {
            JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Midjourney.ImagineAsync(MidjourneyImagineRequest.CreateBuilder("cat").Build()));

            Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
            Assert.Contains("无效的令牌", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UploadImagesAsync_returns_the_uploaded_URLs()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK, ImageFamilyPayloads.MidjourneyUploadResponse));
        using (client)
        {
            MidjourneyUploadResult uploaded = await client.Midjourney.UploadImagesAsync(MidjourneyUploadRequest.CreateBuilder(["data:image/png;base64,AA=="]).Build());

            AssertPost(Assert.Single(handler.Requests), "/mj/submit/upload-discord-images", """{"base64Array":["data:image/png;base64,AA=="]}""");
            Assert.Equal(["https://cdn.discordapp.com/attachments/1/2/a.png"], uploaded.Result);
        }
    }

    [Fact]
    public async Task GetTaskAsync_reads_the_catalogue_task_with_its_buttons_as_follow_up_actions()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK, ImageFamilyPayloads.MidjourneyTaskSuccess));
        using (client)
        {
            MidjourneyTask task = await client.Midjourney.GetTaskAsync(TaskId);

            RecordedRequest sent = Assert.Single(handler.Requests);
            Assert.Equal((HttpMethod.Get, $"{Gateway}/mj/task/{TaskId}/fetch"), (sent.Method, sent.Uri.AbsoluteUri));
            Assert.Equal((MidjourneyTaskAction.Imagine, "SUCCESS", "100%"), (task.Action, task.Status, task.Progress));
            Assert.Equal("https://gw.example/mj/image/1735000123456789", task.ImageUrl);
            Assert.Equal(1735000180000, task.FinishTime);
            Assert.True(task.TryGetButton("U1", out MidjourneyButton? u1));
            Assert.Equal(("upsample", 1, false), (u1.Kind, u1.Index, u1.OpensModal));
            Assert.False(task.TryGetButton("V9", out _));
            MidjourneyActionRequest action = task.CreateAction(u1);
            Assert.Equal((TaskId, "MJ::JOB::upsample::1::8c2f…"), (action.TaskId, action.CustomId));
        }
    }

    [Theory]
    [InlineData("MJ::JOB::variation::3::8c2f", "variation", 3, false)]
    [InlineData("MJ::JOB::reroll::0::8c2f::SOLO", "reroll", null, false)]
    [InlineData("MJ::JOB::pan_left::1::8c2f::SOLO", "pan_left", 1, false)]
    [InlineData("MJ::Outpaint::50::1::8c2f::SOLO", "Outpaint", null, false)]
    [InlineData("MJ::CustomZoom::8c2f", "CustomZoom", null, true)]
    [InlineData("MJ::Inpaint::1::8c2f::SOLO", "Inpaint", null, true)]
    [InlineData("something-else", null, null, false)]
    public void A_button_tells_what_it_runs_from_its_custom_id(string customId, string? kind, int? index, bool opensModal)
    {
        var button = new MidjourneyButton { CustomId = customId };

        Assert.Equal((kind, index, opensModal), (button.Kind, button.Index, button.OpensModal));
    }

    [Fact]
    public void Running_a_button_of_a_task_without_an_id_says_what_is_missing()
    {
        var task = new MidjourneyTask { Buttons = [new MidjourneyButton { CustomId = "MJ::JOB::upsample::1::x", Label = "U1" }] };

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => task.CreateAction(task.Buttons[0]));

        Assert.Contains("no id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTasksAsync_posts_the_ids_and_reads_the_array_of_tasks()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK,
            "[" + ImageFamilyPayloads.MidjourneyTaskSuccess + """,{"id":"2","status":"IN_PROGRESS","progress":"42%"}]"""));
        using (client)
        {
            IReadOnlyList<MidjourneyTask> tasks = await client.Midjourney.ListTasksAsync(new MidjourneyListTasksRequest { Ids = [TaskId, "2"] });

            AssertPost(Assert.Single(handler.Requests), "/mj/task/list-by-condition", """{"ids":["1735000123456789","2"]}""");
            Assert.Equal([TaskId, "2"], tasks.Select(t => t.Id));
            Assert.Equal("42%", tasks[1].Progress);
        }
    }

    [Fact]
    public async Task GetImageSeedAsync_returns_the_seed_and_raises_on_a_failure_code()
    {
        (FakeHandler handler, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.OK, """{"code":1,"description":"成功","result":"3717563934"}"""),
            () => Responses.Json(HttpStatusCode.OK, """{"code":4,"description":"任务不存在","result":null}"""));
        using (client)
        {
            MidjourneyImageSeedResult seed = await client.Midjourney.GetImageSeedAsync(TaskId);
            JuheApiException e = await Assert.ThrowsAsync<JuheApiException>(() => client.Midjourney.GetImageSeedAsync("nope"));

            Assert.Equal($"{Gateway}/mj/task/{TaskId}/image-seed", handler.Requests[0].Uri.AbsoluteUri);
            Assert.Equal("3717563934", seed.Result);
            Assert.Contains("任务不存在", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunImagineAsync_polls_the_task_through_its_statuses_to_its_image()
    {
        var clock = new VirtualClock();
        (FakeHandler handler, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.OK, Submitted),
            () => Responses.Json(HttpStatusCode.OK, $$"""{"id":"{{TaskId}}","status":"NOT_START","progress":"0%"}"""),
            () => Responses.Json(HttpStatusCode.OK, $$"""{"id":"{{TaskId}}","status":"IN_PROGRESS","progress":"42%","imageUrl":"https://cdn.example/partial.png"}"""),
            () => Responses.Json(HttpStatusCode.OK, ImageFamilyPayloads.MidjourneyTaskSuccess));
        var progress = new RecordingProgress<JuheTaskSnapshot<MidjourneyTask>>();
        using (client)
        {
            JuheTaskSnapshot<MidjourneyTask> done = await clock.RunAsync(client.Midjourney.RunImagineAsync(
                MidjourneyImagineRequest.CreateBuilder("a red fox in snow, cinematic --ar 16:9").Build(),
                mode: MidjourneySpeed.Fast, progress: progress, polling: new JuheTaskPollingOptions { TimeProvider = clock, Jitter = 0 }));

            Assert.Equal(JuheTaskState.Succeeded, done.State);
            Assert.Equal(["https://gw.example/mj/image/1735000123456789"], done.ResultUrls);
            Assert.Equal("U1", done.Payload.Buttons![0].Label);
            Assert.Equal([0, 42, 100], progress.Reports.Select(r => r.ProgressPercent));
            Assert.Equal($"{Gateway}/fast/mj/submit/imagine", handler.Requests[0].Uri.AbsoluteUri);
            Assert.All(handler.Requests.Skip(1), r => Assert.Equal($"{Gateway}/mj/task/{TaskId}/fetch", r.Uri.AbsoluteUri));
        }
    }

    [Fact]
    public async Task WaitTaskAsync_raises_JuheTaskFailedException_with_the_fail_reason()
    {
        var clock = new VirtualClock();
        (FakeHandler _, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.OK, $$"""{"id":"{{TaskId}}","status":"IN_PROGRESS","progress":"10%"}"""),
            () => Responses.Json(HttpStatusCode.OK, $$"""{"id":"{{TaskId}}","status":"FAILURE","progress":"10%","failReason":"[Invalid parameter] Unrecognized parameter(s): `--foo`"}"""));
        using (client)
        {
            JuheTaskFailedException e = await Assert.ThrowsAsync<JuheTaskFailedException>(() => clock.RunAsync(
                client.Midjourney.WaitTaskAsync(TaskId, polling: new JuheTaskPollingOptions { TimeProvider = clock })));

            Assert.Equal(TaskId, e.TaskId);
            Assert.Equal("[Invalid parameter] Unrecognized parameter(s): `--foo`", e.FailureReason);
        }
    }

    [Fact]
    public async Task A_video_task_reports_its_video_URLs()
    {
        var clock = new VirtualClock();
        (FakeHandler _, JuheClient client) = Gatewayed(() => Responses.Json(HttpStatusCode.OK,
            $$"""{"id":"{{TaskId}}","action":"VIDEO","status":"SUCCESS","progress":"100%","videoUrl":"https://cdn.example/v0.mp4","videoUrls":[{"url":"https://cdn.example/v1.mp4"}]}"""));
        using (client)
        {
            JuheTaskSnapshot<MidjourneyTask> done = await clock.RunAsync(
                client.Midjourney.WaitTaskAsync(TaskId, polling: new JuheTaskPollingOptions { TimeProvider = clock }));

            Assert.Equal(["https://cdn.example/v0.mp4", "https://cdn.example/v1.mp4"], done.ResultUrls);
        }
    }

    public static TheoryData<string, JuheTaskState> CatalogueStatuses()
    {
        var data = new TheoryData<string, JuheTaskState>();
        foreach ((string raw, JuheTaskState state) in CatalogueTaskStatuses.Named("Midjourney").Statuses)
        {
            data.Add(raw, state);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogueStatuses))]
    public async Task Each_catalogue_status_means_the_catalogue_state(string status, JuheTaskState state)
    {
        (FakeHandler _, JuheClient client) = Gatewayed(
            () => Responses.Json(HttpStatusCode.OK, Submitted),
            () => Responses.Json(HttpStatusCode.OK, $$$"""{"id":"{{{TaskId}}}","status":"{{{status}}}","progress":"0%"}"""));
        using (client)
        {
            JuheTaskHandle<MidjourneyTask> handle = await client.Midjourney.SubmitImagineAsync(MidjourneyImagineRequest.CreateBuilder("cat").Build());

            JuheTaskSnapshot<MidjourneyTask> snapshot = await handle.GetSnapshotAsync();

            Assert.Equal((TaskId, state), (handle.Id, snapshot.State));
        }
    }
}
