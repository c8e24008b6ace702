using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Juhe.Http;
using Juhe.Streaming;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.ErrorContract;

/// <summary>What a server (or a proxy in front of it) compressed is decoded, whether or not the client asked for it.</summary>
public sealed class CompressionTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task A_compressed_JSON_answer_is_decoded(string encoding)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Compressed("""{"text":"解压了"}""", encoding, "application/json")));

        Reply reply = await client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);

        Assert.Equal("解压了", reply.Text);
    }

    [Fact]
    public async Task A_compressed_error_body_is_decoded_before_it_is_described()
    {
        using JuheClient client = Create(FakeHandler.Answering(() =>
            Compressed("""{"error":{"message":"no channel","type":"new_api_error"}}""", "gzip", "application/json", HttpStatusCode.ServiceUnavailable)), maxRetries: 0);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply));

        Assert.Equal("no channel", e.ErrorMessage);
    }

    [Fact]
    public async Task A_gzip_compressed_event_stream_is_decoded()
    {
        string events = StreamErrorRedactionTests.Chunk("压缩") + "data: [DONE]\n\n";
        using JuheClient client = Create(FakeHandler.Answering(() => Compressed(events, "gzip", "text/event-stream")));
        await using var chat = new ChatCompletionStream(await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting));

        Assert.True(await chat.MoveNextAsync());
        Assert.Equal("压缩", chat.Current.ContentString());
        Assert.False(await chat.MoveNextAsync());
    }

    [Fact]
    public async Task JSON_calls_ask_for_gzip_and_brotli_and_streams_ask_for_no_compression()
    {
        FakeHandler handler = FakeHandler.Answering(
            () => Responses.Json(HttpStatusCode.OK, """{"text":"x"}"""),
            () => Responses.Stream(HttpStatusCode.OK, new MemoryStream("data: [DONE]\n\n"u8.ToArray())));
        using JuheClient client = Create(handler);

        await client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);
        (await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting)).Dispose();

        Assert.Equal(["gzip", "br"], handler.Requests[0].Header("Accept-Encoding")!.Split(',', StringSplitOptions.TrimEntries));
        Assert.Null(handler.Requests[1].Header("Accept-Encoding"));
    }

    [Fact]
    public async Task An_encoding_the_client_cannot_decode_is_named_in_the_error()
    {
        using JuheClient client = Create(FakeHandler.Answering(() =>
        {
            HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "zzz");
            response.Content.Headers.ContentEncoding.Add("zstd");
            return response;
        }));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply));

        Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
        Assert.Contains("'zstd'", e.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Compressed(string text, string encoding, string mediaType, HttpStatusCode status = HttpStatusCode.OK)
    {
        var packed = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(packed, CompressionLevel.Fastest, leaveOpen: true),
            _ => new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(Encoding.UTF8.GetBytes(text));
        }

        var content = new ByteArrayContent(packed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Headers.ContentEncoding.Add(encoding);
        return new HttpResponseMessage(status) { Content = content };
    }
}
