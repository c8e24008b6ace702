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
    public async Task JSON_calls_ask_for_gzip_and_deflate_and_streams_ask_for_no_compression()
    {
        FakeHandler handler = FakeHandler.Answering(
            () => Responses.Json(HttpStatusCode.OK, """{"text":"x"}"""),
            () => Responses.Stream(HttpStatusCode.OK, new MemoryStream("data: [DONE]\n\n"u8.ToArray())));
        using JuheClient client = Create(handler);

        await client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);
        (await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting)).Dispose();

        Assert.Equal(["gzip", "deflate"], handler.Requests[0].Header("Accept-Encoding")!.Split(',', StringSplitOptions.TrimEntries));
        Assert.Null(handler.Requests[1].Header("Accept-Encoding"));
    }

    [Theory]
    [InlineData("zstd")]
    [InlineData("br")]
    public async Task An_encoding_the_client_does_not_decode_is_named_in_the_error_with_the_way_to_get_it(string encoding)
    {
        using JuheClient client = Create(FakeHandler.Answering(() =>
        {
            HttpResponseMessage response = Responses.Json(HttpStatusCode.OK, "zzz");
            response.Content.Headers.ContentEncoding.Add(encoding);
            return response;
        }));

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply));

        Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
        Assert.Contains($"'{encoding}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("AutomaticDecompression", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brotli_answer_is_read_through_a_callers_HttpClient_that_decompresses()
    {
        var handler = new DecompressingHandler(FakeHandler.Answering(() => Compressed("""{"text":"br ok"}""", "br", "application/json")));
        using var client = new JuheClient(new JuheClientOptions { BaseUrl = BaseUrl, ApiKey = ApiKey, HttpClient = new HttpClient(handler) });

        Reply reply = await client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);

        Assert.Equal("br ok", reply.Text);
    }

    /// <summary>What <c>AutomaticDecompression</c> does in a real handler: decode, and drop the header.</summary>
    private sealed class DecompressingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            var decoded = new StreamContent(new BrotliStream(await response.Content.ReadAsStreamAsync(cancellationToken), CompressionMode.Decompress));
            decoded.Headers.ContentType = response.Content.Headers.ContentType;
            response.Content = decoded;
            return response;
        }
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
