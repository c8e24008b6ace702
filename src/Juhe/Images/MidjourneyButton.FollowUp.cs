namespace Juhe.Midjourney;

// A button's customId spelled out: MJ::JOB::upsample::1::<hash>, MJ::JOB::pan_left::1::<hash>::SOLO,
// MJ::Outpaint::50::1::<hash>::SOLO, MJ::CustomZoom::<hash>, MJ::Inpaint::1::<hash>::SOLO.
public sealed partial class MidjourneyButton
{
    /// <summary>
    /// The follow-up this button runs, read from <see cref="CustomId"/>: <c>upsample</c>, <c>variation</c>,
    /// <c>reroll</c>, <c>pan_left</c>, <c>Outpaint</c>, <c>CustomZoom</c>, <c>Inpaint</c>…; null when the id has no such part.
    /// </summary>
    public string? Kind
    {
        get
        {
            string[]? parts = Parts();
            if (parts is null || parts.Length < 2)
            {
                return null;
            }

            return parts[1] == "JOB" ? (parts.Length > 2 ? parts[2] : null) : parts[1];
        }
    }

    /// <summary>For grid buttons (<c>U1</c>…<c>V4</c>, pans): which image, 1–4; null for buttons that act on the whole task.</summary>
    public int? Index
    {
        get
        {
            string[]? parts = Parts();
            return parts is { Length: > 3 } && parts[1] == "JOB" && int.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out int index) && index > 0
                ? index
                : null;
        }
    }

    /// <summary>Whether running this button answers code 21: the caller must then send a modal (custom zoom, inpaint).</summary>
    public bool OpensModal => Kind is "CustomZoom" or "Inpaint";

    private string[]? Parts() =>
        CustomId is { } id && id.StartsWith("MJ::", StringComparison.Ordinal) ? id.Split("::") : null;
}
