using System.Text;
using Juhe.Sse;

namespace Juhe.Tests.Sse;

public class SseReaderBasicsTests
{
    [Fact]
    public void An_event_without_a_type_is_a_message_with_its_data_lines_joined_by_LF()
    {
        using var reader = new SseReader(new MemoryStream(Encoding.UTF8.GetBytes("data: a\ndata: b\n\n")));

        Assert.True(reader.TryRead(out SseEvent e));
        Assert.Equal("message", e.EventTypeString());
        Assert.Equal("a\nb", e.DataString());
        Assert.False(reader.TryRead(out _));
    }
}
