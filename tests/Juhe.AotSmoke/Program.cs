// The NativeAOT smoke program: exercises the library's hot paths in a trimmed, AOT-compiled
// binary. CI publishes it with every trim/AOT warning as an error and runs it.
using System.Text;
using Juhe.Sse;

byte[] bytes = Encoding.UTF8.GetBytes("event: greeting\ndata: hello\ndata: world\n\n");
using var reader = new SseReader(new MemoryStream(bytes));
int events = 0;
while (await reader.MoveNextAsync())
{
    Console.WriteLine($"{reader.Current.EventTypeString()}: {reader.Current.DataString().Replace('\n', '|')}");
    events++;
}

if (events != 1)
{
    Console.Error.WriteLine($"expected 1 event, read {events}");
    return 1;
}

Console.WriteLine("AOT smoke: ok");
return 0;
