using System.Globalization;

namespace Juhe.Tasks;

/// <summary>
/// Reads a task's progress, in whatever form its family reports it, as a percentage from 0 to 100.
/// Midjourney, Suno, Jimeng and new-api's own task rows send text such as <c>"42%"</c>; Sora sends
/// an integer 0–100; Runway sends a fraction 0–1. A missing, empty or out-of-range value is "no
/// progress", never an exception.
/// </summary>
public static class JuheTaskProgress
{
    /// <summary>Reads text such as <c>"42%"</c>, <c>"42"</c>, <c>"42.5 %"</c> (invariant culture, white space allowed).</summary>
    /// <param name="text">The progress text; empty means no progress.</param>
    /// <param name="percent">The percentage, 0 to 100; 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the text is a number from 0 to 100, optionally followed by <c>%</c>.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out double percent)
    {
        ReadOnlySpan<char> number = text.Trim();
        if (number.EndsWith('%'))
        {
            number = number[..^1].TrimEnd();
        }

        if (!number.IsEmpty
            && double.TryParse(number, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
        {
            return TryFromPercent(value, out percent);
        }

        percent = 0;
        return false;
    }

    /// <summary>Accepts a number already in percent (Sora's <c>progress</c>, 0–100).</summary>
    /// <param name="value">The reported value.</param>
    /// <param name="percent">The percentage; 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a number from 0 to 100.</returns>
    public static bool TryFromPercent(double value, out double percent)
    {
        // Written so that NaN fails both comparisons and is rejected.
        if (value >= 0 && value <= 100)
        {
            percent = value;
            return true;
        }

        percent = 0;
        return false;
    }

    /// <summary>Accepts a fraction of 1 (Runway's <c>progress</c> and legacy <c>progressRatio</c>, 0–1) and scales it to percent.</summary>
    /// <param name="value">The reported fraction.</param>
    /// <param name="percent">The percentage, 0 to 100; 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a number from 0 to 1.</returns>
    public static bool TryFromFraction(double value, out double percent)
    {
        if (value >= 0 && value <= 1)
        {
            percent = value * 100;
            return true;
        }

        percent = 0;
        return false;
    }
}
