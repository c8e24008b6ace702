using System.Net;
using System.Text;
using Juhe.Http;
using Juhe.Streaming;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.ErrorContract;

/// <summary>A connection that breaks while the answer is read is a <see cref="JuheApiException"/> of kind Transport, never a raw I/O exception.</summary>
public sealed class TransportFaultTests
{
    public static TheoryData<Exception> ConnectionBreaks => new()
    {
        new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."),
        new HttpIOException(HttpRequestError.InvalidResponse, "Received an invalid chunk terminator."),
        new IOException("Unable to read data from the transport connection: Connection reset by peer."),
    };

    [Theory]
    [MemberData(nameof(ConnectionBreaks))]
    public async Task A_stream_cut_mid_way_raises_a_transient_transport_error_after_the_tokens_before_it(Exception cut)
    {
        var body = new ScriptedStream();
        body.Push(Encoding.UTF8.GetBytes(StreamErrorRedactionTests.Chunk("Hello") + StreamErrorRedactionTests.Chunk(" world")));
        body.Fail(cut);
        using JuheClient client = Create(FakeHandler.Answering(() => StreamErrorRedactionTests.EventStream(body)));
        await using var chat = new ChatCompletionStream(await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting));

        var text = new StringBuilder();
        var e = await Assert.ThrowsAsync<JuheApiException>(async () =>
        {
            while (await chat.MoveNextAsync())
            {
                text.Append(chat.Current.ContentString());
            }
        });

        Assert.Equal("Hello world", text.ToString());
        Assert.Equal(JuheErrorKind.Transport, e.Kind);
        Assert.True(e.IsTransient);
        Assert.Same(cut, e.InnerException);
        Assert.Equal("req-stream-1", e.RequestId);
        Assert.Contains("connection broke", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_synchronous_read_of_a_cut_stream_raises_the_same_transport_error()
    {
        var body = new ScriptedStream();
        body.Push(Encoding.UTF8.GetBytes(StreamErrorRedactionTests.Chunk("Hi")));
        body.Fail(new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using JuheClient client = Create(FakeHandler.Answering(() => StreamErrorRedactionTests.EventStream(body)));
        using var chat = new ChatCompletionStream(await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting));

        Assert.True(chat.TryRead(out _));
        var e = Assert.Throws<JuheApiException>(() => chat.TryRead(out _));

        Assert.Equal(JuheErrorKind.Transport, e.Kind);
    }

    [Fact]
    public async Task A_JSON_body_cut_mid_way_raises_a_transient_transport_error_with_status_and_request_id()
    {
        var body = new ScriptedStream();
        body.Push("{\"text\":\"half an ans"u8.ToArray());
        body.Fail(new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        FakeHandler handler = FakeHandler.Answering(() =>
        {
            HttpResponseMessage response = Responses.Stream(HttpStatusCode.OK, body, "application/json");
            response.Headers.TryAddWithoutValidation("X-Oneapi-Request-Id", "req-cut");
            return response;
        });
        using JuheClient client = Create(handler, maxRetries: 0);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply));

        Assert.Equal(JuheErrorKind.Transport, e.Kind);
        Assert.True(e.IsTransient);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("req-cut", e.RequestId);
        Assert.IsType<HttpIOException>(e.InnerException);
        Assert.Contains("after 20 byte(s)", e.Message, StringComparison.Ordinal);
    }
}
