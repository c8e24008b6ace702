using System.Net;
using System.Text;
using Juhe.Http;
using Juhe.Sse;
using Juhe.Streaming;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.ErrorContract;

/// <summary>The client's stream options reach the streams it opens, and framing failures arrive as the one documented exception.</summary>
public sealed class StreamOptionsTests
{
    [Fact]
    public async Task MaxEventSize_set_on_the_client_limits_the_streams_it_opens()
    {
        string events = StreamErrorRedactionTests.Chunk("ok") + StreamErrorRedactionTests.Chunk(new string('x', 4000)) + "data: [DONE]\n\n";
        using JuheClient client = Limited(events, maxEventSize: 1024);
        await using var chat = new ChatCompletionStream(await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting));

        Assert.True(await chat.MoveNextAsync());
        var e = await Assert.ThrowsAsync<JuheApiException>(async () => await chat.MoveNextAsync());

        Assert.Equal(JuheErrorKind.InvalidResponse, e.Kind);
        Assert.Equal("req-stream-1", e.RequestId);
        SseException framing = Assert.IsType<SseException>(e.InnerException);
        Assert.Contains("MaxEventSize", framing.Message, StringComparison.Ordinal);
        Assert.Contains("MaxEventSize", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_given_to_the_stream_itself_win_over_the_clients()
    {
        string events = StreamErrorRedactionTests.Chunk(new string('x', 4000)) + "data: [DONE]\n\n";
        using JuheClient client = Limited(events, maxEventSize: 1024);
        Stream body = await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);
        await using var chat = new ChatCompletionStream(body, new SseReaderOptions { MaxEventSize = 1 << 20 });

        Assert.True(await chat.MoveNextAsync());
        Assert.Equal(4000, chat.Current.ContentUtf8.Length);
    }

    [Fact]
    public void Stream_options_that_cannot_work_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new JuheClient(new JuheClientOptions { BaseUrl = BaseUrl, MaxEventSize = 0 }));

        Assert.Contains("MaxEventSize", e.Message, StringComparison.Ordinal);
    }

    private static JuheClient Limited(string events, int maxEventSize) => new(new JuheClientOptions
    {
        BaseUrl = BaseUrl,
        ApiKey = ApiKey,
        MaxEventSize = maxEventSize,
        HttpClient = new HttpClient(FakeHandler.Answering(() => StreamErrorRedactionTests.EventStream(new MemoryStream(Encoding.UTF8.GetBytes(events))))),
    });
}
