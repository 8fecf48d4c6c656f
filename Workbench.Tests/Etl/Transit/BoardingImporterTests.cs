using Workbench.Data.Etl;
using Workbench.Tests.Support;
using static Workbench.Tests.Etl.Transit.TransitFiles;

namespace Workbench.Tests.Etl.Transit;

public class BoardingImporterTests
{
    private const string Feed1 = "8000020332038";
    private const string RideHeader = "trip_id,stop_id,stop_sequence,record_use,boardings,alightings,service_date,service_arrival_time\n";
    private const string IcHeader = "agency_id,date,time,stop_id,route_id,trip_id,boardings,alightings\n";

    private static async Task<TempWarehouse> WithFeedAsync(int stops = 40)
    {
        var warehouse = await TempWarehouse.CreateAsync();
        var result = await warehouse.ImportAsync("gtfs", Zip(warehouse, "feed.zip", Feed(Feed1, stops)));
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        return warehouse;
    }

    private static string Visits(int stops, int boardings = 2, string date = "20250407") =>
        string.Concat(Enumerable.Range(1, stops).Select(i => $"T1,{i},{i},0,{boardings},1,{date},8:{i % 60:00}:00\n"));

    private static Task<List<(string, int, string, int?, int?, int?)>> BoardingsAsync(TempWarehouse warehouse) =>
        warehouse.QueryAsync<(string, int, string, int?, int?, int?)>(
            "SELECT stop_key, date_key, boarding_source, minute_of_day, boardings, alightings FROM fact_boarding ORDER BY stop_key, minute_of_day");

    [SkippableFact]
    public async Task The_GTFS_ride_example_loads_under_its_own_agency()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();

        var result = await warehouse.ImportAsync("board-alight", RealGtfs("gtfs_ride_spec_examples/ride_sample_all.zip"));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal((8L, 8L, 0L), (result.Tables["board_alight"].Read, result.Tables["board_alight"].Loaded, result.RowsRejected));
        Assert.Contains("照合していません", result.Message, StringComparison.Ordinal);
        var rows = await warehouse.QueryAsync<(string Feed, string Stop, string Trip, int? On, int? Off, int? Load, int? Minute)>(
            "SELECT feed_key, stop_key, trip_key, boardings, alightings, current_load, minute_of_day FROM fact_boarding ORDER BY trip_key, stop_sequence");
        Assert.Equal(("RIDE", "RIDE:S_A", "RIDE:T1", 5, 3, 45, 375), rows[0]);
        Assert.Equal(("RIDE", "RIDE:S_C", "RIDE:T1", 2, null, 55, 381), rows[2]);
        Assert.Equal(20100401, (await warehouse.QueryAsync<int>("SELECT DISTINCT date_key FROM fact_boarding")).Single());
    }

    [Fact]
    public async Task A_board_alight_file_alone_belongs_to_the_loaded_feed_of_its_trips_and_a_bad_stop_is_rejected()
    {
        await using var warehouse = await WithFeedAsync();
        var file = warehouse.WriteFile("board_alight.txt", RideHeader + Visits(40) + "T1,999,41,0,1,0,20250407,9:00:00\n");

        var result = await warehouse.ImportAsync("board-alight", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("board_alight.txt", 42L, "stop_id", "999"), (reject.SourcePart, reject.LineNumber, reject.FieldName!, reject.MaskedValue!));
        var rows = await BoardingsAsync(warehouse);
        Assert.Equal(40, rows.Count);
        Assert.Equal(($"{Feed1}:1", 20250407, "gtfs-ride", 481, 2, 1), rows[0]);
        Assert.Equal([$"{Feed1}:R1"], await warehouse.QueryAsync<string>("SELECT DISTINCT route_key FROM fact_boarding"));
    }

    [Fact]
    public async Task Boardings_again_change_nothing_and_a_corrected_file_replaces_the_same_visits()
    {
        await using var warehouse = await WithFeedAsync();
        var original = warehouse.WriteFile("a.txt", RideHeader + Visits(40));
        await warehouse.ImportAsync("board-alight", original);

        var again = await warehouse.ImportAsync("board-alight", original);
        var corrected = await warehouse.ImportAsync("board-alight", warehouse.WriteFile("b.txt", RideHeader + Visits(40, boardings: 7)));

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(ImportStatus.Succeeded, corrected.Status);
        Assert.Equal([(40L, 280L)], await warehouse.QueryAsync<(long, long)>("SELECT COUNT(*), SUM(boardings) FROM fact_boarding"));
    }

    [Fact]
    public async Task A_visit_repeated_in_a_file_is_rejected_as_a_duplicate_and_the_first_one_kept()
    {
        await using var warehouse = await WithFeedAsync();
        var file = warehouse.WriteFile("a.txt", RideHeader + Visits(40) + "T1,3,3,0,9,9,20250407,8:03:00\n");

        var result = await warehouse.ImportAsync("board-alight", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((42L, "stop_sequence"), (reject.LineNumber, reject.FieldName!));
        Assert.Contains("重複", reject.Reason, StringComparison.Ordinal);
        Assert.Equal([(40L, 80L)], await warehouse.QueryAsync<(long, long)>("SELECT COUNT(*), SUM(boardings) FROM fact_boarding"));
    }

    [Fact]
    public async Task Boardings_with_too_many_bad_rows_load_nothing()
    {
        await using var warehouse = await WithFeedAsync();
        var file = warehouse.WriteFile("a.txt", RideHeader + Visits(20) + "T1,1,1,0,-3,0,20250408,\nT1,2,2,0,1,0,2025-04-08,\n");

        var result = await warehouse.ImportAsync("board-alight", file);

        Assert.Equal(ImportStatus.Refused, result.Status);
        Assert.Equal(["boardings", "service_date"], result.Rejects.Select(r => r.FieldName));
        Assert.Empty(await BoardingsAsync(warehouse));
    }

    [Fact]
    public async Task A_board_alight_file_of_no_loaded_feed_fails_and_says_to_load_the_feed_first()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();

        var result = await warehouse.ImportAsync("board-alight", warehouse.WriteFile("a.txt", RideHeader + Visits(3)));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("便 T1 がどの GTFS フィードにもありません", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IC_card_taps_of_the_same_stop_route_and_time_add_up()
    {
        await using var warehouse = await WithFeedAsync();
        var taps = string.Concat(Enumerable.Repeat($"{Feed1},2025-04-07,07:00,1,R1,,1,\n", 5)) + $"{Feed1},2025-04-07,07:00,1,R1,,,1\n"
            + $"{Feed1},2025/04/07,7:15,2,,T1,3,0\n";

        var result = await warehouse.ImportAsync("ic-card", warehouse.WriteFile("ic.csv", IcHeader + taps));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal((7L, 2L), (result.Tables["ic_card"].Read, result.Tables["ic_card"].Loaded));
        Assert.Equal(
            [($"{Feed1}:1", 20250407, "ic-card", 420, 5, 1), ($"{Feed1}:2", 20250407, "ic-card", 435, 3, 0)],
            await BoardingsAsync(warehouse));
        Assert.Equal([$"{Feed1}:R1"], await warehouse.QueryAsync<string>("SELECT DISTINCT route_key FROM fact_boarding"));
    }

    [Fact]
    public async Task IC_card_rows_of_an_unknown_agency_or_stop_are_rejected_with_reasons()
    {
        await using var warehouse = await WithFeedAsync();
        var good = string.Concat(Enumerable.Range(1, 40).Select(i => $"{Feed1},2025-04-07,08:00,{i},R1,,{i},0\n"));
        var file = warehouse.WriteFile("ic.csv", IcHeader + good + "9999999999999,2025-04-07,08:00,1,R1,,1,0\n" + $"{Feed1},2025-04-07,08:00,77,R1,,1,0\n");

        var result = await warehouse.ImportAsync("ic-card", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal([(42L, "agency_id"), (43L, "stop_id")], result.Rejects.Select(r => (r.LineNumber, r.FieldName!)));
        Assert.Contains("フィードが取り込まれていません", result.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Equal(40, (await BoardingsAsync(warehouse)).Count);
    }

    [Fact]
    public async Task IC_card_again_changes_nothing_and_a_corrected_count_replaces_the_slot()
    {
        await using var warehouse = await WithFeedAsync();
        var original = warehouse.WriteFile("a.csv", IcHeader + $"{Feed1},2025-04-07,07:00,1,R1,,4,1\n");
        await warehouse.ImportAsync("ic-card", original);

        var again = await warehouse.ImportAsync("ic-card", original);
        await warehouse.ImportAsync("ic-card", warehouse.WriteFile("b.csv", IcHeader + $"{Feed1},2025-04-07,07:00,1,R1,,6,2\n"));

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal([($"{Feed1}:1", 20250407, "ic-card", (int?)420, (int?)6, (int?)2)], await BoardingsAsync(warehouse));
    }

    [Fact]
    public async Task An_IC_card_file_without_counts_fails_whole_with_a_clear_message()
    {
        await using var warehouse = await WithFeedAsync();

        var result = await warehouse.ImportAsync("ic-card", warehouse.WriteFile("a.csv", "agency_id,date,time,stop_id\nx,2025-04-07,07:00,1\n"));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("boardings・alightings のどちらの列もありません", result.Message, StringComparison.Ordinal);
    }
}
