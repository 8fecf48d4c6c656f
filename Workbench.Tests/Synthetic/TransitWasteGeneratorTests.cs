using System.Globalization;
using System.IO.Compression;
using Workbench.Data.Synthetic;
using Workbench.Data.Synthetic.TransitWaste;

namespace Workbench.Tests.Synthetic;

public class TransitWasteGeneratorTests(TinySeedFixture tiny) : IClassFixture<TinySeedFixture>
{
    private TransitWasteSources Sources => TransitWasteSources.Under(tiny.Folder.Root);

    [Fact]
    public void The_ごんごバス_has_three_loops_from_津山駅_and_branch_lines_to_久米_勝北_and_加茂()
    {
        using var zip = ZipFile.OpenRead(Sources.GtfsZip);
        var routes = Rows(zip, "routes.txt");
        var routesJp = Rows(zip, "routes_jp.txt");

        Assert.Equal(["東循環", "北循環", "西循環", "久米線", "勝北線", "加茂線"], routes.Select(r => r["route_short_name"]));
        Assert.All(routesJp.Take(3), r => Assert.Equal(("津山駅", "津山駅"), (r["origin_stop"], r["destination_stop"])));
        Assert.All(routesJp.Skip(3), r => Assert.Equal("津山駅", r["origin_stop"]));
        var stops = Rows(zip, "stops.txt");
        Assert.InRange(stops.Count, 60, 100);
        var chome = SyntheticFacts.Instance.Chome;
        Assert.All(stops, s =>
        {
            Assert.InRange(double.Parse(s["stop_lat"], CultureInfo.InvariantCulture), chome.Min(c => c.Latitude) - 0.01, chome.Max(c => c.Latitude) + 0.01);
            Assert.InRange(double.Parse(s["stop_lon"], CultureInfo.InvariantCulture), chome.Min(c => c.Longitude) - 0.01, chome.Max(c => c.Longitude) + 0.01);
        });
        Assert.All(zip.Entries, e => Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero).DateTime, e.LastWriteTime.DateTime));
    }

    [Fact]
    public void A_year_of_waste_comes_near_the_national_880_g_per_person_per_day_and_rises_at_年末()
    {
        var facts = SyntheticFacts.Instance;
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + "-weighings.csv");
        new WasteWriter(new Determinism(20250401)).Weighings(facts.Chome, new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31), path);

        var rows = Csv.Rows(path).ToList();
        File.Delete(path);
        var kgByMonth = rows.GroupBy(r => r["date"][..7]).ToDictionary(g => g.Key, g => g.Sum(r => double.Parse(r["kg"], CultureInfo.InvariantCulture)));
        var gramsPerPersonDay = kgByMonth.Values.Sum() * 1000 / (99_994 * 365.0);

        Assert.InRange(gramsPerPersonDay, 840, 920);
        double PerDay(string month) => kgByMonth[month] / DateTime.DaysInMonth(int.Parse(month[..4], CultureInfo.InvariantCulture), int.Parse(month[5..], CultureInfo.InvariantCulture));
        Assert.True(PerDay("2025-12") > PerDay("2025-11") * 1.05, "年末 brings more waste than November");
        Assert.Equal(8, rows.Select(r => r["district"]).Distinct().Count());
        Assert.Equal(["不燃", "可燃", "粗大", "資源"], rows.Select(r => r["waste_type"]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Demand_taxi_trips_start_only_in_the_rural_地域()
    {
        var rural = SyntheticFacts.Instance.Chome.Where(c => c.AreaCode != "tsuyama").Select(c => c.Code).ToHashSet();

        var trips = Csv.Rows(Sources.DemandTaxiFile).ToList();

        Assert.NotEmpty(trips);
        Assert.All(trips, t => Assert.Contains(t["origin"], rural));
        Assert.Equal(["久米", "加茂", "勝北", "阿波"], trips.Select(t => t["area"]).Distinct().Order(StringComparer.Ordinal));
    }

    private static List<Dictionary<string, string>> Rows(ZipArchive zip, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        zip.GetEntry(name)!.ExtractToFile(path);
        try
        {
            return [.. Csv.Rows(path)];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
