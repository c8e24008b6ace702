using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Juhe.Gateway;
using Juhe.Sse;

namespace Juhe.EndToEnd.Tests;

/// <summary>
/// Families the shipped schemas do not describe yet, served from a schema file given as
/// <see cref="JuheGatewayOptions.AdditionalSchemas"/> (<c>Schemas/future-families.json</c>): their
/// routes, auth styles, stream framings, binary and multipart bodies and task lifecycles work with
/// nothing written per route, so the shipped families light up the same way when their schemas arrive.
/// </summary>
public sealed class FutureFamilyTests : IAsyncLifetime
{
    private const string Key = "sk-future";
    private JuheGateway _gateway = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _gateway = await Gateways.StartWithFutureFamiliesAsync(binaryAnswerBytes: 100_000, taskRunningPolls: 2);
        _http = new HttpClient { BaseAddress = _gateway.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_Claude_stream_has_event_lines_padded_data_and_ends_with_message_stop()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, "/v1/messages",
            """{"model":"claude-sonnet-4-20250514","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", ("x-api-key", Key));
        List<(string Type, string Data)> events = await ReadEventsAsync(response);

        Assert.Equal("message_start", events[0].Type);
        Assert.EndsWith("    }", events[0].Data, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Type == "ping");
        Assert.Equal("message_stop", events[^1].Type);
        Assert.All(events, e => Assert.Equal(e.Type, JsonDocument.Parse(e.Data).RootElement.GetProperty("type").GetString()));
        string text = string.Concat(events.Where(e => e.Type == "content_block_delta")
            .Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("delta").GetProperty("text").GetString()));
        Assert.Equal(Requests.AnswerFor("claude-sonnet-4-20250514"), text);
    }

    [Fact]
    public async Task A_Claude_answer_is_synthesized_from_its_schema()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, "/v1/messages",
            """{"model":"claude-x","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}""", ("x-api-key", Key));
        JsonElement message = await JsonAsync(response);

        Assert.StartsWith("msg_", message.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("message", message.GetProperty("type").GetString());
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        Assert.Equal("claude-x", message.GetProperty("model").GetString());
        Assert.Equal(Requests.AnswerFor("claude-x"), message.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Claude_route_errors_use_Claude_s_envelope_but_auth_failures_new_api_s()
    {
        using HttpResponseMessage invalid = await SendAsync(HttpMethod.Post, "/v1/messages", """{"model":"claude-x","messages":[]}""", ("x-api-key", Key));
        using HttpResponseMessage unauthenticated = await SendAsync(HttpMethod.Post, "/v1/messages", """{"model":"claude-x","max_tokens":1,"messages":[]}""");

        JsonElement error = await JsonAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("max_tokens", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        JsonElement refused = await JsonAsync(unauthenticated, HttpStatusCode.Unauthorized);
        Assert.Equal("new_api_error", refused.GetProperty("error").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("header")]
    [InlineData("query")]
    public async Task A_Gemini_stream_is_CRLF_framed_data_only_and_accepts_the_key_in_header_or_query(string keyIn)
    {
        string path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse" + (keyIn == "query" ? "&key=" + Key : string.Empty);
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, path, """{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}""",
            keyIn == "header" ? ("x-goog-api-key", Key) : default);
        string raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("data: {", raw, StringComparison.Ordinal);
        Assert.EndsWith("}\r\n\r\n", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("event:", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", raw.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        string last = raw.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries)[^1]["data: ".Length..];
        JsonElement chunk = JsonDocument.Parse(last).RootElement;
        Assert.Equal("STOP", chunk.GetProperty("candidates")[0].GetProperty("finishReason").GetString());
        Assert.Equal("gemini-2.5-flash", chunk.GetProperty("modelVersion").GetString());
    }

    [Fact]
    public async Task A_literal_suffix_after_a_path_parameter_selects_the_operation()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, "/v1beta/models/gemini-2.5-pro:generateContent", """{"contents":[]}""", ("x-goog-api-key", Key));
        JsonElement answer = await JsonAsync(response);

        Assert.Equal("model", answer.GetProperty("candidates")[0].GetProperty("content").GetProperty("role").GetString());
        Assert.Equal("sampleGenerateContent", _gateway.Calls[^1].OperationId);
    }

    [Fact]
    public async Task A_Responses_stream_numbers_its_events_and_ends_with_response_completed()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, "/v1/responses", """{"model":"gpt-5","input":"hi","stream":true}""", ("Authorization", "Bearer " + Key));
        List<(string Type, string Data)> events = await ReadEventsAsync(response);

        int[] sequence = [.. events.Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("sequence_number").GetInt32())];
        Assert.Equal(Enumerable.Range(0, events.Count), sequence);
        Assert.Equal("response.created", events[0].Type);
        Assert.Equal("response.completed", events[^1].Type);
    }

    [Fact]
    public async Task Speech_is_streamed_as_audio_bytes_with_the_right_media_type()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Post, "/v1/audio/speech", """{"model":"tts-1","input":"hi","voice":"alloy"}""", ("Authorization", "Bearer " + Key));
        byte[] audio = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(100_000, audio.Length);
        Assert.Equal("ID3"u8.ToArray(), audio[..3]);
    }

    [Fact]
    public async Task A_multipart_upload_is_read_and_its_required_file_checked()
    {
        using var complete = new MultipartFormDataContent { { new ByteArrayContent(new byte[4096]), "file", "speech.wav" }, { new StringContent("whisper-1"), "model" } };
        using var withoutFile = new MultipartFormDataContent { { new StringContent("whisper-1"), "model" } };
        using var wrongType = new MultipartFormDataContent { { new ByteArrayContent(new byte[16]), "file", "a.wav" }, { new StringContent("whisper-1"), "model" }, { new StringContent("warm"), "temperature" } };

        using HttpResponseMessage ok = await SendAsync(HttpMethod.Post, "/v1/audio/transcriptions", complete, ("Authorization", "Bearer " + Key));
        using HttpResponseMessage missing = await SendAsync(HttpMethod.Post, "/v1/audio/transcriptions", withoutFile, ("Authorization", "Bearer " + Key));
        using HttpResponseMessage mistyped = await SendAsync(HttpMethod.Post, "/v1/audio/transcriptions", wrongType, ("Authorization", "Bearer " + Key));

        Assert.False(string.IsNullOrEmpty((await JsonAsync(ok)).GetProperty("text").GetString()));
        Assert.Equal("file", (await JsonAsync(missing, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("param").GetString());
        Assert.Equal("temperature", (await JsonAsync(mistyped, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task A_task_advances_over_polls_to_a_result_the_gateway_serves()
    {
        string id = (await JsonAsync(await SendAsync(HttpMethod.Post, "/v1/videos", """{"model":"sora-2","prompt":"a cat"}""", ("Authorization", "Bearer " + Key)))).GetProperty("id").GetString()!;
        var statuses = new List<string>();
        JsonElement poll = default;
        for (int i = 0; i < 4; i++)
        {
            poll = await JsonAsync(await SendAsync(HttpMethod.Get, "/v1/videos/" + id, null, ("Authorization", "Bearer " + Key)));
            statuses.Add($"{poll.GetProperty("status").GetString()} {poll.GetProperty("progress").GetInt32()}");
        }

        Assert.Equal(["queued 0", "in_progress 33", "in_progress 66", "completed 100"], statuses);
        using HttpResponseMessage video = await _http.GetAsync(new Uri(poll.GetProperty("video_url").GetString()!));
        byte[] bytes = await video.Content.ReadAsByteArrayAsync();
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
    }

    [Fact]
    public async Task A_task_asked_to_fail_ends_failed_without_a_result()
    {
        string id = (await JsonAsync(await SendAsync(HttpMethod.Post, "/v1/videos", """{"model":"sora-2","prompt":"a cat"}""", ("Authorization", "Bearer " + Key), ("X-Juhe-Task-Outcome", "failed")))).GetProperty("id").GetString()!;
        JsonElement poll = default;
        for (int i = 0; i < 4; i++)
        {
            poll = await JsonAsync(await SendAsync(HttpMethod.Get, "/v1/videos/" + id, null, ("Authorization", "Bearer " + Key)));
        }

        Assert.Equal("failed", poll.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, poll.GetProperty("video_url").ValueKind);
    }

    [Fact]
    public async Task A_task_polled_by_query_parameter_with_nested_status_paths_advances_too()
    {
        JsonElement submitted = await JsonAsync(await SendAsync(HttpMethod.Post, "/v1/video/create", """{"model":"veo3","prompt":"a cat"}""", ("Authorization", "Bearer " + Key)));
        string id = submitted.GetProperty("data").GetProperty("task_id").GetString()!;
        var statuses = new List<string?>();
        JsonElement poll = default;
        for (int i = 0; i < 4; i++)
        {
            poll = await JsonAsync(await SendAsync(HttpMethod.Get, "/v1/video/query?id=" + id, null, ("Authorization", "Bearer " + Key)));
            statuses.Add(poll.GetProperty("data").GetProperty("status").GetString());
        }

        Assert.Equal("success", submitted.GetProperty("code").GetString()); // the schema's example
        Assert.Equal("pending", submitted.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(["pending", "processing", "processing", "completed"], statuses);
        Assert.EndsWith(".mp4", poll.GetProperty("data").GetProperty("video_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_task_id_and_task_route_faults_use_the_task_envelope()
    {
        using HttpResponseMessage unknown = await SendAsync(HttpMethod.Get, "/v1/videos/task_nope", null, ("Authorization", "Bearer " + Key));
        using HttpResponseMessage faulted = await SendAsync(HttpMethod.Post, "/v1/videos", """{"model":"m","prompt":"p"}""", ("Authorization", "Bearer " + Key), ("X-Juhe-Fault", "503"));

        Assert.Equal("task_not_exist", (await JsonAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        JsonElement envelope = await JsonAsync(faulted, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("model_not_found", envelope.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, envelope.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task A_multi_segment_parameter_spans_slashes_and_query_parameters_are_checked()
    {
        using HttpResponseMessage ok = await SendAsync(HttpMethod.Get, "/fal-ai/fal-ai/flux/dev/requests/req-1?limit=3", null, ("Authorization", "Bearer " + Key));
        using HttpResponseMessage missing = await SendAsync(HttpMethod.Get, "/fal-ai/fal-ai/flux/dev/requests/req-1", null, ("Authorization", "Bearer " + Key));
        using HttpResponseMessage mistyped = await SendAsync(HttpMethod.Get, "/fal-ai/fal-ai/flux/dev/requests/req-1?limit=many", null, ("Authorization", "Bearer " + Key));

        Assert.Equal("fal-ai/flux/dev", (await JsonAsync(ok)).GetProperty("model").GetString());
        Assert.Contains("limit is required", (await JsonAsync(missing, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("limit must be an integer", (await JsonAsync(mistyped, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Management_routes_need_the_access_token_and_New_Api_User()
    {
        using HttpResponseMessage ok = await SendAsync(HttpMethod.Get, "/api/user/self", null, ("Authorization", _gateway.SystemAccessToken), ("New-Api-User", "1"));
        using HttpResponseMessage noUser = await SendAsync(HttpMethod.Get, "/api/user/self", null, ("Authorization", _gateway.SystemAccessToken));

        JsonElement self = await JsonAsync(ok);
        Assert.True(self.GetProperty("success").GetBoolean());
        Assert.Equal("root", self.GetProperty("data").GetProperty("username").GetString());
        JsonElement refused = await JsonAsync(noUser, HttpStatusCode.Unauthorized);
        Assert.False(refused.GetProperty("success").GetBoolean());
        Assert.Contains("New-Api-User", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_file_that_is_not_json_is_refused_at_start_by_name()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => JuheGateway.StartAsync(new JuheGatewayOptions
        {
            AdditionalSchemas = new Dictionary<string, string> { ["broken.json"] = "{\"paths\":" },
        }).GetAwaiter().GetResult());

        Assert.Contains("broken.json", e.Message, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Content = body switch
        {
            string json => new StringContent(json, Encoding.UTF8, "application/json"),
            HttpContent content => content,
            _ => null,
        };
        foreach ((string name, string value) in headers)
        {
            if (name is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<(string Type, string Data)>> ReadEventsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<(string, string)>();
        await using var reader = new SseReader(await response.Content.ReadAsStreamAsync());
        while (await reader.MoveNextAsync())
        {
            events.Add((reader.Current.EventTypeString(), reader.Current.DataString()));
        }

        return events;
    }
}
