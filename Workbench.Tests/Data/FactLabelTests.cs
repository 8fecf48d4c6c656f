using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workbench.Tests.Support;

namespace Workbench.Tests.Data;

/// <summary>The home page names every fact it counts, in both languages (a missing key would show as its name).</summary>
public partial class FactLabelTests
{
    [Theory]
    [InlineData("Strings.resx")]
    [InlineData("Strings.en.resx")]
    public void Every_counted_fact_has_a_label(string resx)
    {
        var counted = FactName().Matches(File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "sql", "duckdb", "warehouse", "fact_row_counts.sql")))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var keys = XDocument.Load(Path.Combine(TestEnvironment.RepoRoot, "Workbench", "Resources", resx)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var unlabelled = counted.Where(fact => !keys.Contains("Fact_" + fact)).ToList();

        Assert.NotEmpty(counted);
        Assert.Empty(unlabelled);
    }

    [GeneratedRegex(@"FROM (fact_\w+)")]
    private static partial Regex FactName();
}
