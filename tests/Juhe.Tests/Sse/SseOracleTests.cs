using System.Net.ServerSentEvents;
using System.Text;
using Juhe.Sse;

namespace Juhe.Tests.Sse;

/// <summary>
/// Random event streams (fixed seeds) read by <see cref="SseReader"/> and by the framework's
/// <see cref="SseParser"/> give the same events, ids and reconnection intervals.
/// </summary>
/// <remarks>
/// One real difference is known and asserted on its own below: for an <c>event:</c> field with an
/// empty value, <see cref="SseParser"/> reports the type as the empty string, while the standard
/// (and <see cref="SseReader"/>) reports <c>message</c>. The oracle maps that one case and nothing else.
/// </remarks>
public class SseOracleTests
{
    private static readonly string[] ValueAtoms =
        ["a", "Z", "0", "9", " ", "  ", ":", ": ", "\t", "你", "好", "🎉", "é", "\uFEFF", "\0", "{\"k\":1}", "data", "id", "event"];

    private static readonly string[] LineEnds = ["\n", "\r", "\r\n"];

    private static string Value(Random random, int maxAtoms)
    {
        var value = new StringBuilder();
        int atoms = random.Next(maxAtoms + 1);
        for (int i = 0; i < atoms; i++)
        {
            value.Append(ValueAtoms[random.Next(ValueAtoms.Length)]);
        }

        return value.ToString();
    }

    /// <summary>A random stream: fields of every kind, comments, blank lines, each line with its own line end.</summary>
    internal static string RandomStream(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        switch (random.Next(4))
        {
            case 0:
                text.Append('\uFEFF');
                break;
            case 1:
                text.Append("\uFEFF\uFEFF");
                break;
        }

        int lines = random.Next(1, 60);
        for (int i = 0; i < lines; i++)
        {
            string line = random.Next(16) switch
            {
                0 or 1 or 2 => "data: " + Value(random, 6),
                3 => "data:" + Value(random, 4),
                4 => "data",
                5 => "event: " + Value(random, 3),
                6 => "event:",
                7 => "id: " + Value(random, 3),
                8 => random.Next(2) == 0 ? "id" : "id:",
                9 => "retry: " + random.NextInt64(0, 10_000_000_000),
                10 => "retry: " + Value(random, 2),
                11 => ":" + Value(random, 4),
                12 => Value(random, 2) + ": " + Value(random, 2),
                _ => "",
            };
            text.Append(line);
            if (i < lines - 1 || random.Next(4) != 0)
            {
                text.Append(LineEnds[random.Next(LineEnds.Length)]);
            }
        }

        if (random.Next(2) == 0)
        {
            text.Append(LineEnds[random.Next(LineEnds.Length)]);
        }

        return text.ToString();
    }

    private static List<SseRecord> ReadWithSseParser(byte[] bytes)
    {
        var events = new List<SseRecord>();
        SseParser<byte[]> parser = SseParser.Create(new MemoryStream(bytes), (_, data) => data.ToArray());
        foreach (SseItem<byte[]> item in parser.Enumerate())
        {
            // The parser is lazy: its LastEventId and ReconnectionInterval are those at this item's dispatch.
            string type = item.EventType.Length == 0 ? "message" : item.EventType; // the one known difference
            TimeSpan? retry = parser.ReconnectionInterval == Timeout.InfiniteTimeSpan ? null : parser.ReconnectionInterval;
            events.Add(new SseRecord(type, Encoding.UTF8.GetString(item.Data), parser.LastEventId, retry));
        }

        return events;
    }

    public static TheoryData<int> SeedBlocks => new() { 0, 1, 2, 3, 4, 5, 6, 7 };

    [Theory]
    [MemberData(nameof(SeedBlocks))]
    public void Random_streams_read_whole_match_SseParser(int block)
    {
        int dispatched = 0;
        for (int seed = block * 250; seed < (block + 1) * 250; seed++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(RandomStream(seed));
            List<SseRecord> expected = ReadWithSseParser(bytes);
            dispatched += expected.Count;

            List<SseRecord> actual = SseRun.ReadAll(bytes);

            Assert.True(expected.SequenceEqual(actual), $"seed {seed}: expected {string.Join(", ", expected)} but read {string.Join(", ", actual)}");
        }

        Assert.True(dispatched > 250, $"the generator should dispatch events, dispatched {dispatched}");
    }

    [Theory]
    [MemberData(nameof(SeedBlocks))]
    public async Task Random_streams_in_random_reads_match_SseParser(int block)
    {
        for (int seed = block * 250; seed < (block + 1) * 250; seed++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(RandomStream(seed));
            List<SseRecord> expected = ReadWithSseParser(bytes);
            var sizes = new Random(~seed);
            var options = new SseReaderOptions { BufferSize = 16 };

            List<SseRecord> sync = SseRun.ReadAll(new ChunkedStream(bytes, _ => sizes.Next(1, 12)), options);
            List<SseRecord> async = await SseRun.ReadAllAsync(new ChunkedStream(bytes, _ => sizes.Next(1, 12), yieldOnAsyncRead: seed % 3 == 0), options);

            Assert.True(expected.SequenceEqual(sync), $"seed {seed} (TryRead): expected {string.Join(", ", expected)} but read {string.Join(", ", sync)}");
            Assert.True(expected.SequenceEqual(async), $"seed {seed} (MoveNextAsync): expected {string.Join(", ", expected)} but read {string.Join(", ", async)}");
        }
    }

    [Fact]
    public void An_empty_event_field_is_message_by_the_standard_where_SseParser_reports_an_empty_type()
    {
        byte[] bytes = SseRun.Utf8("event: a\nevent:\ndata: x\n\n");

        SseItem<string> item = Assert.Single(SseParser.Create(new MemoryStream(bytes)).Enumerate());
        SseRecord ours = Assert.Single(SseRun.ReadAll(bytes));

        Assert.Equal("", item.EventType);
        Assert.Equal("message", ours.Type);
    }
}
