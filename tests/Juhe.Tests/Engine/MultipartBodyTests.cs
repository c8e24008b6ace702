using System.Net;
using System.Text;
using Juhe.Http;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Engine;

/// <summary>Multipart uploads: every part as a server reads it, files streamed from any source, retries only when the body can be resent.</summary>
public sealed class MultipartBodyTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public async Task Text_fields_files_and_repeated_fields_arrive_as_separate_parts_with_names_file_names_and_types()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"ok"}"""));
        using JuheClient client = Create(handler);
        JuheMultipartBody body = new JuheMultipartBody()
            .Add("model", "gpt-image-1")
            .Add("image[]", JuheFile.FromBytes(Png, "a.png"))
            .Add("image[]", JuheFile.FromStream(new MemoryStream(Png), "b.webp"))
            .Add("n", 2)
            .Add("stream", false)
            .Add("temperature", 0.5);

        await client.SendAsync(Post("/v1/images/edits"), body, HttpTestJson.Default.Reply);

        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.StartsWith("multipart/form-data; boundary=", sent.ContentType, StringComparison.Ordinal);
        IReadOnlyList<MultipartPart> parts = MultipartPart.Parse(sent.ContentType!, sent.Body!);
        Assert.Equal(6, parts.Count);
        Assert.Equal(("form-data; name=\"model\"", "gpt-image-1", null), (parts[0].Disposition, parts[0].Text, parts[0].ContentType));
        Assert.Equal("form-data; name=\"image[]\"; filename=\"a.png\"", parts[1].Disposition);
        Assert.Equal("image/png", parts[1].ContentType);
        Assert.Equal(Png, parts[1].Body);
        Assert.Equal(("form-data; name=\"image[]\"; filename=\"b.webp\"", "image/webp"), (parts[2].Disposition, parts[2].ContentType));
        Assert.Equal(Png, parts[2].Body);
        Assert.Equal(["2", "false", "0.5"], parts.Skip(3).Select(p => p.Text));
    }

    [Fact]
    public async Task A_file_from_a_path_is_named_after_the_file_and_read_when_sent()
    {
        string path = Path.Combine(Path.GetTempPath(), $"juhe-{Guid.NewGuid():N}.mp3");
        await File.WriteAllBytesAsync(path, [1, 2, 3, 4]);
        try
        {
            FakeHandler handler = FakeHandler.Answering(() => Responses.Text(HttpStatusCode.OK, "hello", "text/plain"));
            using JuheClient client = Create(handler);

            string text = await client.SendForTextAsync(Post("/v1/audio/transcriptions"), new JuheMultipartBody().Add("file", JuheFile.FromPath(path)));

            MultipartPart file = Assert.Single(MultipartPart.Parse(handler.Requests[0].ContentType!, handler.Requests[0].Body!));
            Assert.Equal($"form-data; name=\"file\"; filename=\"{Path.GetFileName(path)}\"", file.Disposition);
            Assert.Equal("audio/mpeg", file.ContentType);
            Assert.Equal([1, 2, 3, 4], file.Body);
            Assert.Equal("hello", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_full_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => JuheFile.FromPath("no/such/voice.wav"));

        Assert.Contains(Path.GetFullPath("no/such/voice.wav"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_ASCII_file_name_is_sent_with_an_ASCII_fallback_and_filename_star()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"ok"}"""));
        using JuheClient client = Create(handler);

        await client.SendAsync(Post(), new JuheMultipartBody().Add("file", JuheFile.FromBytes(Png, "猫.png")), HttpTestJson.Default.Reply);

        string disposition = MultipartPart.Parse(handler.Requests[0].ContentType!, handler.Requests[0].Body!)[0].Disposition;
        Assert.Contains("filename=\"_.png\"", disposition, StringComparison.Ordinal);
        Assert.Contains("filename*=utf-8''%E7%8C%AB.png", disposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seekable_upload_is_retried_with_the_same_bytes()
    {
        FakeHandler handler = FakeHandler.Answering(
            () => Responses.OpenAiError(HttpStatusCode.ServiceUnavailable),
            () => Responses.Json(HttpStatusCode.OK, """{"text":"ok"}"""));
        using JuheClient client = Create(handler);
        var audio = new MemoryStream(Encoding.UTF8.GetBytes("RIFF....WAVE"));

        await client.SendAsync(Post(), new JuheMultipartBody().Add("file", JuheFile.FromStream(audio, "a.wav")), HttpTestJson.Default.Reply);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_seek_is_not_retried_and_the_error_says_why()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.ServiceUnavailable));
        using JuheClient client = Create(handler);
        var body = new JuheMultipartBody().Add("file", JuheFile.FromStream(new ForwardOnlyStream([1, 2, 3]), "live.wav"));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendAsync(Post(), body, HttpTestJson.Default.Reply));

        Assert.False(body.CanResend);
        Assert.Single(handler.Requests);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Contains("not retried", e.Message, StringComparison.Ordinal);
        Assert.Contains("'live.wav'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_part_is_sent_as_application_json()
    {
        FakeHandler handler = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"ok"}"""));
        using JuheClient client = Create(handler);

        await client.SendAsync(Post(), new JuheMultipartBody().AddJson("image_request", new Greeting("雪", 3), HttpTestJson.Default.Greeting), HttpTestJson.Default.Reply);

        MultipartPart part = MultipartPart.Parse(handler.Requests[0].ContentType!, handler.Requests[0].Body!)[0];
        Assert.Equal(("form-data; name=\"image_request\"", "application/json"), (part.Disposition, part.ContentType));
        Assert.Equal("""{"name":"雪","n":3}""", part.Text);
    }

    /// <summary>A stream that can be read once, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
