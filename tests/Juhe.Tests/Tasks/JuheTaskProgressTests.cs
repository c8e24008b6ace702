using Juhe.Tasks;

namespace Juhe.Tests.Tasks;

public class JuheTaskProgressTests
{
    [Theory]
    [InlineData("42%", 42)]
    [InlineData("42", 42)]
    [InlineData("0%", 0)]
    [InlineData("100%", 100)]
    [InlineData("42.5%", 42.5)]
    [InlineData(" 42 % ", 42)]
    [InlineData("7.0", 7)]
    public void Progress_text_in_percent_is_read(string text, double expected)
    {
        Assert.True(JuheTaskProgress.TryParse(text, out double percent));
        Assert.Equal(expected, percent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("%")]
    [InlineData("-5%")]
    [InlineData("101%")]
    [InlineData("42%%")]
    [InlineData("forty")]
    [InlineData("1e2")]
    [InlineData("4,2")]
    [InlineData("NaN")]
    public void Progress_text_that_is_not_a_percentage_from_0_to_100_is_no_progress(string text)
    {
        Assert.False(JuheTaskProgress.TryParse(text, out double percent));
        Assert.Equal(0, percent);
    }

    [Fact]
    public void A_null_progress_string_is_no_progress()
    {
        Assert.False(JuheTaskProgress.TryParse((string?)null, out _));
    }

    [Theory]
    [InlineData(0, true, 0)]
    [InlineData(55, true, 55)]
    [InlineData(100, true, 100)]
    [InlineData(-1, false, 0)]
    [InlineData(100.5, false, 0)]
    [InlineData(double.NaN, false, 0)]
    public void A_number_in_percent_as_Sora_sends_it_is_accepted_from_0_to_100(double value, bool accepted, double expected)
    {
        Assert.Equal(accepted, JuheTaskProgress.TryFromPercent(value, out double percent));
        Assert.Equal(expected, percent);
    }

    [Theory]
    [InlineData(0, true, 0)]
    [InlineData(0.42, true, 42)]
    [InlineData(1, true, 100)]
    [InlineData(1.5, false, 0)]
    [InlineData(-0.1, false, 0)]
    [InlineData(double.PositiveInfinity, false, 0)]
    public void A_fraction_as_Runway_sends_it_is_scaled_to_percent(double value, bool accepted, double expected)
    {
        Assert.Equal(accepted, JuheTaskProgress.TryFromFraction(value, out double percent));
        Assert.Equal(expected, percent, 1e-9);
    }
}
