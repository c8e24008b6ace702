using System.Buffers;
using System.Text;
using Juhe.Chat;

namespace Juhe.Streaming;

/// <summary>
/// Assembles streamed tool calls: each call's id and name come in its first fragment, its JSON
/// arguments in pieces to concatenate, and several calls may interleave by index. Feed it every
/// item of a <see cref="ChatCompletionStream"/>; when the choice finishes, read the calls, or turn
/// them into the <see cref="ChatToolCall"/> list that the assistant message of the next request
/// carries back.
/// </summary>
/// <remarks>
/// Argument text is appended to pooled buffers, so adding a fragment allocates nothing after the
/// first fragment of each call (whose id and name become strings once).
/// </remarks>
public sealed class ChatToolCallAccumulator : IDisposable
{
    private readonly int _choiceIndex;
    private readonly List<Call> _calls = [];

    /// <summary>Creates an accumulator for the tool calls of one choice.</summary>
    /// <param name="choiceIndex">The choice whose calls to collect (0 unless the request set <c>n</c> &gt; 1).</param>
    public ChatToolCallAccumulator(int choiceIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(choiceIndex);
        _choiceIndex = choiceIndex;
    }

    /// <summary>How many distinct tool calls have been seen.</summary>
    public int Count => _calls.Count;

    /// <summary>Adds the tool-call fragments of <paramref name="chunk"/>, if it belongs to this accumulator's choice.</summary>
    public void Add(ChatCompletionChunk chunk)
    {
        if (chunk.ChoiceIndex != _choiceIndex)
        {
            return;
        }

        foreach (ChatToolCallFragment fragment in chunk.ToolCalls)
        {
            Add(fragment);
        }
    }

    /// <summary>Adds one fragment: a new call when its index is new, more arguments for a known one.</summary>
    public void Add(ChatToolCallFragment fragment)
    {
        Call call = Find(fragment.Index) ?? Start(fragment.Index);
        if (call.Id is null && !fragment.IdUtf8.IsEmpty)
        {
            call.Id = Encoding.UTF8.GetString(fragment.IdUtf8);
        }

        if (call.Name is null && !fragment.NameUtf8.IsEmpty)
        {
            call.Name = Encoding.UTF8.GetString(fragment.NameUtf8);
        }

        call.Append(fragment.ArgumentsUtf8);
    }

    /// <summary>The index (as the stream numbered it) of the <paramref name="i"/>-th call seen.</summary>
    public int GetIndex(int i) => _calls[i].Index;

    /// <summary>The id (<c>call_…</c>) of the <paramref name="i"/>-th call, or <see langword="null"/> if none came.</summary>
    public string? GetId(int i) => _calls[i].Id;

    /// <summary>The function name of the <paramref name="i"/>-th call, or <see langword="null"/> if none came.</summary>
    public string? GetName(int i) => _calls[i].Name;

    /// <summary>The JSON arguments of the <paramref name="i"/>-th call so far, as UTF-8; valid until the next <c>Add</c>.</summary>
    public ReadOnlySpan<byte> GetArgumentsUtf8(int i) => _calls[i].Arguments;

    /// <summary>
    /// The calls as the <see cref="ChatToolCall"/> list an assistant message sends back, in the order
    /// they first appeared. Arguments that never came become <c>{}</c>, as a no-argument call sends.
    /// </summary>
    /// <exception cref="InvalidOperationException">A call never received its id or name, so it cannot be sent back.</exception>
    public List<ChatToolCall> ToToolCalls()
    {
        var calls = new List<ChatToolCall>(_calls.Count);
        foreach (Call call in _calls)
        {
            if (call.Id is null || call.Name is null)
            {
                throw new InvalidOperationException(
                    $"Tool call {call.Index} of choice {_choiceIndex} never received its {(call.Id is null ? "id" : "function name")}; the stream sent only part of it.");
            }

            ReadOnlySpan<byte> arguments = call.Arguments;
            calls.Add(new ChatToolCall
            {
                Id = call.Id,
                Type = ChatToolType.Function,
                Function = new ChatFunctionCall { Name = call.Name, Arguments = arguments.IsEmpty ? "{}" : Encoding.UTF8.GetString(arguments) },
            });
        }

        return calls;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (Call call in _calls)
        {
            call.Dispose();
        }

        _calls.Clear();
    }

    private Call? Find(int index)
    {
        foreach (Call call in _calls)
        {
            if (call.Index == index)
            {
                return call;
            }
        }

        return null;
    }

    private Call Start(int index)
    {
        var call = new Call(index);
        _calls.Add(call);
        return call;
    }

    private sealed class Call(int index) : IDisposable
    {
        private byte[] _arguments = ArrayPool<byte>.Shared.Rent(256);
        private int _length;

        public int Index { get; } = index;

        public string? Id { get; set; }

        public string? Name { get; set; }

        public ReadOnlySpan<byte> Arguments => _arguments.AsSpan(0, _length);

        public void Append(ReadOnlySpan<byte> text)
        {
            PooledBytes.Grow(ref _arguments, _length + text.Length, _length);
            text.CopyTo(_arguments.AsSpan(_length));
            _length += text.Length;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_arguments);
            _arguments = [];
            _length = 0;
        }
    }
}
