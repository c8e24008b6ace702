namespace Juhe.Http;

/// <summary>Who noticed the failure a <see cref="JuheApiException"/> describes, and so what a caller can do about it.</summary>
public enum JuheErrorKind
{
    /// <summary>
    /// The gateway (or its upstream, or a proxy in front of it) reported an error: a non-success
    /// status, an error envelope in a success response, or an error event inside a stream.
    /// <see cref="JuheApiException.ErrorMessage"/> holds its words when it sent any.
    /// </summary>
    Gateway,

    /// <summary>
    /// A success response whose body is not the documented shape: JSON that breaks off, has the
    /// wrong types, is <c>null</c>, or a stream chunk that cannot be decoded. Nobody reported an error;
    /// the client could not read the answer.
    /// </summary>
    InvalidResponse,

    /// <summary>An event stream that ended before its format's end marker (<c>[DONE]</c>, <c>message_stop</c>…): the answer is cut short.</summary>
    Truncated,

    /// <summary>
    /// The connection failed while the response was being read (a reset, a broken chunked
    /// encoding, a body shorter than announced). The transport's exception is the inner exception;
    /// <see cref="JuheApiException.IsTransient"/> is <see langword="true"/>.
    /// </summary>
    Transport,
}
