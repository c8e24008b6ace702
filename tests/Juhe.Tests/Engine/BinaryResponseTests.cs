using System.Net;
using System.Net.Http.Headers;
using Juhe.Http;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Engine;

/// <summary>File answers stream from the socket: type, length and name as the server said, saved whole or not at all.</summary>
public sealed class BinaryResponseTests
{
    private static readonly byte[] Mp3 = [.. "ID3"u8, .. Enumerable.Range(0, 5000).Select(i => (byte)i)];

    [Fact]
    public async Task A_file_answer_exposes_its_media_type_length_name_and_bytes()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => File(Mp3, "audio/mpeg", "speech.mp3")));

        await using JuheBinaryResponse speech = await client.SendForBinaryAsync(Post("/v1/audio/speech"), JuheBody.Json(new Greeting("hi", 1), HttpTestJson.Default.Greeting));
        var copy = new MemoryStream();
        await speech.CopyToAsync(copy);

        Assert.Equal(("audio/mpeg", 5003L, "speech.mp3", "req-bin"), (speech.ContentType, speech.ContentLength, speech.FileName, speech.RequestId));
        Assert.Equal(Mp3, copy.ToArray());
    }

    [Fact]
    public async Task SaveAsync_writes_the_whole_file()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => File(Mp3, "audio/mpeg")));
        string path = Path.Combine(Path.GetTempPath(), $"juhe-{Guid.NewGuid():N}.mp3");
        try
        {
            await using JuheBinaryResponse speech = await client.SendForBinaryAsync(Get("/v1/videos/v1/content"), body: null);
            await speech.SaveAsync(path);

            Assert.Equal(Mp3, await System.IO.File.ReadAllBytesAsync(path));
            Assert.False(System.IO.File.Exists(path + ".part"));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public async Task A_download_cut_part_way_leaves_no_file_and_raises_a_transport_error()
    {
        var body = new ScriptedStream();
        body.Push(Mp3[..1000]);
        body.Fail(new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, body, "video/mp4")));
        string path = Path.Combine(Path.GetTempPath(), $"juhe-{Guid.NewGuid():N}.mp4");

        await using JuheBinaryResponse video = await client.SendForBinaryAsync(Get("/v1/videos/v1/content"), body: null);
        var e = await Assert.ThrowsAsync<JuheApiException>(() => video.SaveAsync(path));

        Assert.Equal(JuheErrorKind.Transport, e.Kind);
        Assert.False(System.IO.File.Exists(path));
        Assert.False(System.IO.File.Exists(path + ".part"));
    }

    [Fact]
    public async Task A_JSON_error_envelope_where_a_file_was_expected_is_the_gateways_error_even_with_200()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"error":{"message":"voice not found","type":"invalid_request_error"}}""")));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendForBinaryAsync(Post("/v1/audio/speech"), body: null));

        Assert.Equal(("voice not found", JuheErrorKind.Gateway), (e.ErrorMessage, e.Kind));
    }

    [Fact]
    public async Task A_text_answer_that_is_a_JSON_error_envelope_raises_instead_of_returning_the_JSON_as_text()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"error":{"message":"file too large"}}""")));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendForTextAsync(Post("/v1/audio/transcriptions"), body: null));

        Assert.Equal("file too large", e.ErrorMessage);
    }

    private static HttpResponseMessage File(byte[] bytes, string mediaType, string? fileName = null)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (fileName is not null)
        {
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        response.Headers.TryAddWithoutValidation("X-Oneapi-Request-Id", "req-bin");
        return response;
    }
}
