using Workbench.Data.Etl;
using Workbench.Tests.Support;
using static Workbench.Tests.Etl.Waste.PlaceFiles;

namespace Workbench.Tests.Etl.Transit;

public class DemandTaxiImporterTests
{
    private const string Header = "trip_id,date,time,area,origin,destination,passengers\n";

    private static string Trips(int count, int passengers = 1) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"D{i},2025-04-07,09:30,久米,坪井上,川崎,{passengers}\n"));

    [Fact]
    public async Task Trips_load_with_their_area_and_a_shared_町丁_name_resolves_within_the_area()
    {
        await using var warehouse = await Waste.PlaceFiles.WithPlacesAsync();
        var file = warehouse.WriteFile("t.csv", Header + Trips(30) + "D31,2025-04-08,,shohoku,市場,新野東,2\nD32,2025-04-08,10:00,勝北,坪井上,川崎,1\n");

        var result = await warehouse.ImportAsync("demand-taxi", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((33L, "origin"), (reject.LineNumber, reject.FieldName!));
        Assert.Contains("運行地域の外", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(
            ("D31", (int?)null, "shohoku", IchibaShohoku, Niinohigashi, 2),
            (await warehouse.QueryAsync<(string, int?, string, string, string, int)>(
                "SELECT trip_key, minute_of_day, area_code, origin_chome_code, destination_chome_code, passengers FROM fact_demand_taxi_trip WHERE trip_key = 'D31'")).Single());
        Assert.Equal([("kume", 30L, 570)], await warehouse.QueryAsync<(string, long, int)>(
            "SELECT area_code, COUNT(*), MIN(minute_of_day) FROM fact_demand_taxi_trip WHERE origin_chome_code = '" + TsuboiKami + "' GROUP BY ALL"));
    }

    [Fact]
    public async Task Trips_again_change_nothing_a_correction_replaces_the_trip_and_too_many_bad_rows_load_nothing()
    {
        await using var warehouse = await Waste.PlaceFiles.WithPlacesAsync();
        var original = warehouse.WriteFile("a.csv", Header + Trips(5));
        await warehouse.ImportAsync("demand-taxi", original);

        var again = await warehouse.ImportAsync("demand-taxi", original);
        var corrected = await warehouse.ImportAsync("demand-taxi", warehouse.WriteFile("b.csv", Header + Trips(5, passengers: 3)));
        var refused = await warehouse.ImportAsync("demand-taxi", warehouse.WriteFile("c.csv", Header + "D9,2025-04-07,09:30,久米,坪井上,川崎,12\n"));

        Assert.Equal((ImportStatus.AlreadyImported, ImportStatus.Succeeded, ImportStatus.Refused), (again.Status, corrected.Status, refused.Status));
        Assert.Contains("乗客数は 1〜9 人", Assert.Single(refused.Rejects).Reason, StringComparison.Ordinal);
        Assert.Equal([(5L, 15L)], await warehouse.QueryAsync<(long, long)>("SELECT COUNT(*), CAST(SUM(passengers) AS BIGINT) FROM fact_demand_taxi_trip"));
    }
}
