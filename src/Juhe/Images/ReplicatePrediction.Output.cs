namespace Juhe.Replicate;

// output is "one URL or many": the union read as one list, since a task result path cannot read a union.
public sealed partial class ReplicatePrediction
{
    /// <summary>
    /// The file URLs of <see cref="Output"/>: the one URL, or each of the list; empty while the
    /// prediction runs. (For text models, the output text.) These point at storage, not at the gateway.
    /// </summary>
    public IReadOnlyList<string> OutputUrls => Output switch
    {
        { Url: { Length: > 0 } url } => [url],
        { Urls: { } urls } => [.. urls.Where(static u => !string.IsNullOrEmpty(u))],
        _ => [],
    };
}
