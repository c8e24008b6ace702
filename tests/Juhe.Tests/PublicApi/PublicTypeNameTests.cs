using System.Reflection;
using Juhe.Http;

namespace Juhe.Tests.PublicApi;

public class PublicTypeNameTests
{
    [Fact]
    public void No_two_public_types_share_a_name_so_any_set_of_Juhe_namespaces_can_be_imported_together()
    {
        IEnumerable<string> clashes = typeof(JuheClient).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(t => t.FullName)));

        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_public_type_lives_in_a_Juhe_namespace()
    {
        Assert.All(typeof(JuheClient).Assembly.GetExportedTypes(), t => Assert.True(
            t.Namespace == "Juhe" || t.Namespace?.StartsWith("Juhe.", StringComparison.Ordinal) == true, t.FullName));
    }
}
