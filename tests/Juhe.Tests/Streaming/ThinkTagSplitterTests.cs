using System.Text;
using Juhe.Streaming;
using Juhe.Tests.Support;

namespace Juhe.Tests.Streaming;

[Collection(AllocationMeasurements.Name)]
public class ThinkTagSplitterTests
{
    private static (string Reasoning, string Answer, bool Inside) SplitInPieces(string text, int pieceSize)
    {
        using var splitter = new ThinkTagSplitter();
        // Bytes, not strings: a piece may end inside a multi-byte character.
        var reasoning = new List<byte>();
        var answer = new List<byte>();
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        for (int i = 0; i < bytes.Length; i += pieceSize)
        {
            ThinkSplit split = splitter.Split(bytes.AsSpan(i, Math.Min(pieceSize, bytes.Length - i)));
            reasoning.AddRange(split.ReasoningUtf8);
            answer.AddRange(split.AnswerUtf8);
        }

        bool inside = splitter.IsInsideThink;
        ThinkSplit rest = splitter.Flush();
        reasoning.AddRange(rest.ReasoningUtf8);
        answer.AddRange(rest.AnswerUtf8);
        return (Encoding.UTF8.GetString([.. reasoning]), Encoding.UTF8.GetString([.. answer]), inside);
    }

    [Theory]
    [InlineData("<think>Check units.</think>It is 5 °C.", "Check units.", "It is 5 °C.")]
    [InlineData("<think>\n想一想\n</think>\n\n答案", "\n想一想\n", "\n\n答案")]
    [InlineData("No reasoning at all, even with < and </ and <thin", "", "No reasoning at all, even with < and </ and <thin")]
    [InlineData("Before<think>a</think>between<think>b</think>after", "ab", "Beforebetweenafter")]
    [InlineData("<think></think>x", "", "x")]
    public void Reasoning_and_answer_are_the_same_however_the_text_is_split(string text, string reasoning, string answer)
    {
        for (int pieceSize = 1; pieceSize <= Encoding.UTF8.GetByteCount(text) + 1; pieceSize++)
        {
            (string r, string a, _) = SplitInPieces(text, pieceSize);
            Assert.Equal((reasoning, answer), (r, a));
        }
    }

    [Fact]
    public void A_think_block_still_open_at_the_end_is_reasoning()
    {
        (string reasoning, string answer, bool inside) = SplitInPieces("<think>still thinking </thi", 3);

        Assert.True(inside);
        Assert.Equal("still thinking </thi", reasoning);
        Assert.Equal("", answer);
    }

    [Fact]
    public void Splitting_allocates_nothing_after_warm_up()
    {
        byte[] piece = Encoding.UTF8.GetBytes("tok</thi");
        byte[] close = Encoding.UTF8.GetBytes("nk>answer<th");
        long allocated = AllocationMeasurement.LeastOf(
            () =>
            {
                using var splitter = new ThinkTagSplitter();
                splitter.Split("<think>"u8);
                long before = GC.GetAllocatedBytesForCurrentThread();
                int total = 0;
                for (int i = 0; i < 1_000; i++)
                {
                    total += splitter.Split(piece).ReasoningUtf8.Length + splitter.Split(close).AnswerUtf8.Length;
                }

                long after = GC.GetAllocatedBytesForCurrentThread();
                Assert.True(total > 0);
                return after - before;
            },
            expected: 0);

        Assert.Equal(0, allocated);
    }
}
