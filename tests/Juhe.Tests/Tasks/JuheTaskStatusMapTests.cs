using Juhe.Tasks;

namespace Juhe.Tests.Tasks;

public class JuheTaskStatusMapTests
{
    public static TheoryData<string, string, JuheTaskState> EveryCatalogueStatus()
    {
        var data = new TheoryData<string, string, JuheTaskState>();
        foreach (CatalogueTaskStatuses.Family family in CatalogueTaskStatuses.Families)
        {
            foreach ((string raw, JuheTaskState state) in family.Statuses)
            {
                data.Add(family.Name, raw, state);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCatalogueStatus))]
    public void Every_family_status_maps_to_its_state_whatever_its_case(string family, string raw, JuheTaskState expected)
    {
        JuheTaskStatusMap map = CatalogueTaskStatuses.Named(family).Map;

        Assert.Equal(expected, map.GetState(raw));
        Assert.Equal(expected, map.GetState(raw.ToUpperInvariant()));
        Assert.Equal(expected, map.GetState(raw.ToLowerInvariant()));
        Assert.Equal(expected, map.GetState(MixedCase(raw)));
        Assert.Equal(expected, map.GetState($" {raw}\n"));
    }

    public static TheoryData<string> Families => [.. CatalogueTaskStatuses.Families.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Families))]
    public void A_value_a_family_does_not_list_is_Unknown_and_not_an_error(string family)
    {
        CatalogueTaskStatuses.Family data = CatalogueTaskStatuses.Named(family);

        foreach (string raw in (string[])[.. data.Unlisted, "", "   ", "RETRYING", "succeeded-ish"])
        {
            Assert.False(data.Map.TryGetState(raw, out JuheTaskState state), $"{family}: '{raw}'");
            Assert.Equal(JuheTaskState.Unknown, state);
            Assert.Equal(JuheTaskState.Unknown, data.Map.GetState(raw));
        }

        Assert.Equal(JuheTaskState.Unknown, data.Map.GetState((string?)null));
    }

    [Fact]
    public void The_map_counts_values_once_whatever_their_case()
    {
        var map = new JuheTaskStatusMap(queued: ["queued", "QUEUED"], running: ["running"], succeeded: ["done"], failed: ["failed"]);

        Assert.Equal(4, map.Count);
    }

    [Fact]
    public void A_value_listed_under_two_states_is_rejected_naming_the_value_and_both_states()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new JuheTaskStatusMap(queued: ["pending"], running: ["processing"], succeeded: ["completed"], failed: ["failed", "PENDING"]));

        Assert.Equal("failed", e.ParamName);
        Assert.Contains("'PENDING' is listed as both Queued and Failed", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void An_empty_value_is_rejected_naming_its_state(string? value)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new JuheTaskStatusMap(queued: ["pending"], running: [value!], succeeded: ["completed"], failed: ["failed"]));

        Assert.Equal("running", e.ParamName);
        Assert.Contains("Running status value", e.Message, StringComparison.Ordinal);
    }

    private static string MixedCase(string raw) =>
        string.Concat(raw.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
}
