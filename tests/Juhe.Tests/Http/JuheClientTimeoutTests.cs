using System.Net;
using System.Text;
using Juhe.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Http;

public class JuheClientTimeoutTests
{
    private static FakeHandler Hanging() => new(async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    });

    [Fact]
    public async Task The_total_timeout_fails_a_hanging_call_with_a_TimeoutException_naming_the_option_and_value()
    {
        var time = new ManualTimeProvider();
        FakeHandler handler = Hanging();
        using JuheClient client = Create(handler, time, timeout: TimeSpan.FromSeconds(30));

        Task<Reply> call = client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);
        await handler.FirstRequest;
        time.Advance(TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("JuheClientOptions.Timeout", e.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:30", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
    }

    [Fact]
    public async Task The_total_timeout_includes_the_wait_between_retries()
    {
        var time = new ManualTimeProvider();
        FakeHandler handler = FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.TooManyRequests, "rate", ("Retry-After", "45")));
        using JuheClient client = Create(handler, time, timeout: TimeSpan.FromSeconds(20));

        Task<Reply> call = client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(45));
        time.Advance(TimeSpan.FromSeconds(20));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_an_OperationCanceledException()
    {
        FakeHandler handler = Hanging();
        using JuheClient client = Create(handler, new ManualTimeProvider());
        using var cts = new CancellationTokenSource();

        Task<Reply> call = client.SendAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, HttpTestJson.Default.Reply, cts.Token);
        await handler.FirstRequest;
        await cts.CancelAsync();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<TimeoutException>(e);
    }

    [Fact]
    public async Task The_total_timeout_bounds_opening_a_stream()
    {
        var time = new ManualTimeProvider();
        FakeHandler handler = Hanging();
        using JuheClient client = Create(handler, time, timeout: TimeSpan.FromSeconds(5));

        Task<Stream> open = client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);
        await handler.FirstRequest;
        time.Advance(TimeSpan.FromSeconds(5));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => open);
        Assert.Contains("JuheClientOptions.Timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_timeout_does_not_end_a_stream_that_has_begun()
    {
        var time = new ManualTimeProvider();
        var events = new ScriptedStream();
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, events)), time,
            timeout: TimeSpan.FromSeconds(5), streamIdleTimeout: TimeSpan.FromMinutes(1));
        await using Stream stream = await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);

        time.Advance(TimeSpan.FromSeconds(30));
        events.Push("data: late\n\n"u8.ToArray());
        byte[] buffer = new byte[64];

        Assert.Equal(12, await stream.ReadAsync(buffer));
    }

    private static async Task<(Stream Stream, ScriptedStream Events, ManualTimeProvider Time)> OpenIdleBoundedStream(TimeSpan idle)
    {
        var time = new ManualTimeProvider();
        var events = new ScriptedStream();
        JuheClient client = Create(FakeHandler.Answering(() => Responses.Stream(HttpStatusCode.OK, events)), time, streamIdleTimeout: idle);
        Stream stream = await client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting);
        return (stream, events, time);
    }

    [Fact]
    public async Task A_stream_read_fails_with_a_TimeoutException_when_no_bytes_arrive_for_the_idle_timeout()
    {
        TimeSpan idle = TimeSpan.FromSeconds(90);
        (Stream stream, ScriptedStream events, ManualTimeProvider time) = await OpenIdleBoundedStream(idle);
        await using Stream owned = stream;
        events.Push("data: a\n\n"u8.ToArray());
        byte[] buffer = new byte[64];
        Assert.Equal(9, await stream.ReadAsync(buffer));

        ValueTask<int> stalled = stream.ReadAsync(buffer);
        await time.WaitForTimerAsync(idle);
        time.Advance(idle);

        var e = await Assert.ThrowsAsync<TimeoutException>(async () => await stalled);
        Assert.Contains("JuheClientOptions.StreamIdleTimeout", e.Message, StringComparison.Ordinal);
        Assert.Contains("00:01:30", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(async () => _ = await stream.ReadAsync(buffer));
    }

    [Fact]
    public async Task Bytes_arriving_in_time_restart_the_idle_clock()
    {
        TimeSpan idle = TimeSpan.FromSeconds(10);
        (Stream stream, ScriptedStream events, ManualTimeProvider time) = await OpenIdleBoundedStream(idle);
        await using Stream owned = stream;
        byte[] buffer = new byte[64];

        for (int i = 0; i < 3; i++)
        {
            ValueTask<int> read = stream.ReadAsync(buffer);
            await time.WaitForTimerAsync(idle);
            time.Advance(TimeSpan.FromSeconds(8));
            events.Push("x"u8.ToArray());
            Assert.Equal(1, await read);
        }
    }

    [Fact]
    public async Task A_synchronous_read_also_fails_with_a_TimeoutException_when_idle()
    {
        TimeSpan idle = TimeSpan.FromSeconds(10);
        (Stream stream, _, ManualTimeProvider time) = await OpenIdleBoundedStream(idle);
        await using Stream owned = stream;

        Task<int> stalled = Task.Run(() => stream.Read(new byte[64], 0, 64));
        await time.WaitForTimerAsync(idle);
        time.Advance(idle);

        await Assert.ThrowsAsync<TimeoutException>(() => stalled);
    }

    [Fact]
    public async Task Cancelling_a_stream_read_is_an_OperationCanceledException_not_a_timeout()
    {
        TimeSpan idle = TimeSpan.FromSeconds(10);
        (Stream stream, _, ManualTimeProvider time) = await OpenIdleBoundedStream(idle);
        await using Stream owned = stream;
        using var cts = new CancellationTokenSource();

        ValueTask<int> read = stream.ReadAsync(new byte[64], cts.Token);
        await time.WaitForTimerAsync(idle);
        await cts.CancelAsync();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
        Assert.IsNotType<TimeoutException>(e);
    }

    [Fact]
    public async Task Cancelling_while_opening_a_stream_is_an_OperationCanceledException()
    {
        FakeHandler handler = Hanging();
        using JuheClient client = Create(handler, new ManualTimeProvider());
        using var cts = new CancellationTokenSource();

        Task<Stream> open = client.OpenStreamAsync(Post(), new Greeting("a", 1), HttpTestJson.Default.Greeting, cts.Token);
        await handler.FirstRequest;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => open);
    }
}
