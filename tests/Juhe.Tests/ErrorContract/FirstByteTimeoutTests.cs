using System.Net;
using Juhe.Http;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.ErrorContract;

/// <summary>A streaming answer gets its own limit on the wait before it begins, separate from the total timeout.</summary>
public sealed class FirstByteTimeoutTests
{
    [Fact]
    public void The_default_first_byte_limit_is_three_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(3), new JuheClientOptions { BaseUrl = BaseUrl }.StreamFirstByteTimeout);
    }

    [Fact]
    public async Task A_stream_whose_headers_do_not_arrive_within_StreamFirstByteTimeout_fails_with_a_TimeoutException_naming_it()
    {
        var time = new ManualTimeProvider();
        FakeHandler handler = new(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using JuheClient client = Create(handler, time, timeout: TimeSpan.FromMinutes(30), streamFirstByteTimeout: TimeSpan.FromSeconds(45));

        Task<Stream> open = client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);
        await handler.FirstRequest;
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(45));
        time.Advance(TimeSpan.FromSeconds(45));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => open);
        Assert.Contains("JuheClientOptions.StreamFirstByteTimeout", e.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task The_first_byte_of_the_body_gets_StreamFirstByteTimeout_and_later_bytes_StreamIdleTimeout()
    {
        var time = new ManualTimeProvider();
        var events = new ScriptedStream();
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, events)), time,
            streamIdleTimeout: TimeSpan.FromSeconds(10), streamFirstByteTimeout: TimeSpan.FromMinutes(2));
        await using Stream stream = await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);
        byte[] buffer = new byte[64];

        ValueTask<int> first = stream.ReadAsync(buffer);
        await time.WaitForTimerAsync(TimeSpan.FromMinutes(2));
        time.Advance(TimeSpan.FromSeconds(90)); // thinking: longer than the idle limit, within the first-byte one
        events.Push(": still thinking\n"u8.ToArray());
        Assert.True(await first > 0);

        ValueTask<int> stalled = stream.ReadAsync(buffer);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(10));
        var e = await Assert.ThrowsAsync<TimeoutException>(async () => await stalled);
        Assert.Contains("JuheClientOptions.StreamIdleTimeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_byte_that_never_comes_is_reported_against_StreamFirstByteTimeout()
    {
        var time = new ManualTimeProvider();
        var events = new ScriptedStream();
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, events)), time,
            streamIdleTimeout: TimeSpan.FromSeconds(10), streamFirstByteTimeout: TimeSpan.FromMinutes(2));
        await using Stream stream = await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);

        ValueTask<int> first = stream.ReadAsync(new byte[64]);
        await time.WaitForTimerAsync(TimeSpan.FromMinutes(2));
        time.Advance(TimeSpan.FromMinutes(2));

        var e = await Assert.ThrowsAsync<TimeoutException>(async () => await first);
        Assert.Contains("JuheClientOptions.StreamFirstByteTimeout", e.Message, StringComparison.Ordinal);
    }
}
