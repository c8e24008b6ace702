using System.Text.Json.Serialization.Metadata;

namespace Juhe.Http;

/// <summary>
/// A request body: JSON (<see cref="Json{T}"/>) or <c>multipart/form-data</c>
/// (<see cref="JuheMultipartBody"/>). A call turns it into HTTP content once and, on retry, resends
/// that same content when it can (<see cref="CanResend"/>).
/// </summary>
public abstract class JuheBody
{
    private protected JuheBody()
    {
    }

    /// <summary>Whether the body can be sent again after a failed attempt (it can unless it reads a stream that cannot seek).</summary>
    public abstract bool CanResend { get; }

    /// <summary>A JSON body, serialized once into a pooled buffer when the call starts; a retry resends the same bytes.</summary>
    /// <typeparam name="T">The type of the body.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="type">The serialization metadata of <typeparamref name="T"/> (from a <c>JsonSerializerContext</c>).</param>
    /// <returns>The body.</returns>
    public static JuheBody Json<T>(T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new JsonBody<T>(value, type);
    }

    /// <summary>Makes the content the call sends; disposed when the call ends.</summary>
    /// <param name="streamFlag">The JSON member that asks for a stream (<see cref="JuheRequest.StreamFlag"/>), if any.</param>
    /// <param name="streaming">Whether the call reads an event stream.</param>
    internal abstract HttpContent CreateContent(string? streamFlag, bool streaming);

    /// <summary>Says why <see cref="CanResend"/> is false, for the error a needed retry turns into.</summary>
    internal virtual string NotResendableReason => "the body cannot be sent twice";

    private sealed class JsonBody<T>(T value, JsonTypeInfo<T> type) : JuheBody
    {
        public override bool CanResend => true;

        internal override HttpContent CreateContent(string? streamFlag, bool streaming) =>
            PooledJsonContent.Create(value, type, streamFlag, streaming);
    }
}
