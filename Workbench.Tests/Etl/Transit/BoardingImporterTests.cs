using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Migrations;
using Workbench.Data.Warehouse;
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

    private static string Visits(int stops, int boardings = 2, string date = "20250407", int from = 1) =>
        string.Concat(Enumerable.Range(from, stops - from + 1).Select(i => $"T1,{i},{i},0,{boardings},1,{date},8:{i % 60:00}:00\n"));

    private static Task<List<(string, int, string, int?, int?, int?)>> BoardingsAsync(TempWarehouse warehouse) =>
        warehouse.QueryAsync<(string, int, string, int?, int?, int?)>(
            "SELECT stop_key, date_key, boarding_source, minute_of_day, boardings, alightings FROM boarding ORDER BY stop_key, minute_of_day");

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
            "SELECT feed_key, stop_key, trip_key, boardings, alightings, current_load, minute_of_day FROM boarding ORDER BY trip_key, stop_sequence");
        Assert.Equal(("RIDE", "RIDE:S_A", "RIDE:T1", 5, 3, 45, 375), rows[0]);
        Assert.Equal(("RIDE", "RIDE:S_C", "RIDE:T1", 2, null, 55, 381), rows[2]);
        Assert.Equal(20100401, (await warehouse.QueryAsync<int>("SELECT DISTINCT date_key FROM fact_boarding")).Single());
    }

    [Fact]
    public async Task Boardings_of_a_feed_not_loaded_are_keyed_by_their_trimmed_ids_and_a_blank_id_is_still_rejected()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var rows = "T1,1,1,0,2,1,20250407,8:01:00\n"             // line 2
            + " T1\t,2,2,0,3,1,20250407,8:02:00\n"               // 3: the same trip, padded
            + "T1 ,1,1,0,9,9,20250407,8:01:00\n"                // 4: line 2's visit again
            + "T2,\u3000,1,0,1,0,20250407,9:00:00\n"             // 5: a blank stop
            + " ,3,3,0,1,0,20250407,9:00:00\n"                  // 6: a blank trip
            + Visits(60, date: "20250408");
        var file = Zip(warehouse, "ride.zip", new Dictionary<string, string>
        {
            ["agency.txt"] = "agency_id,agency_name,agency_url,agency_timezone\nRIDE,例,https://example.jp/,Asia/Tokyo\n",
            ["board_alight.txt"] = RideHeader + rows,
        });

        var result = await warehouse.ImportAsync("board-alight", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Contains("照合していません", result.Message, StringComparison.Ordinal);
        Assert.Equal(
            [(4L, "stop_sequence", "1"), (5L, "stop_id", null), (6L, "trip_id", null)],
            result.Rejects.Select(r => (r.LineNumber, r.FieldName!, r.MaskedValue)));
        Assert.Equal(["RIDE:T1"], await warehouse.QueryAsync<string>("SELECT DISTINCT trip_key FROM boarding"));
        Assert.Equal([(1, 2), (2, 3)], await warehouse.QueryAsync<(int, int)>(
            "SELECT stop_sequence, boardings FROM boarding WHERE date_key = 20250407 ORDER BY stop_sequence"));
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
        Assert.Equal([$"{Feed1}:R1"], await warehouse.QueryAsync<string>("SELECT DISTINCT route_key FROM boarding"));
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
    public async Task A_reject_after_a_blank_line_names_the_files_own_line()
    {
        await using var warehouse = await WithFeedAsync();
        var file = warehouse.WriteFile("a.txt", RideHeader + Visits(40) + "\n" + "T1,7,7,0,1,0,2025-04-07,\n");

        var result = await warehouse.ImportAsync("board-alight", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((43L, "service_date", "2025-04-07"), (reject.LineNumber, reject.FieldName!, reject.MaskedValue!));
        Assert.Equal((41L, 40L, 1L), (result.Tables["board_alight"].Read, result.Tables["board_alight"].Loaded, result.RowsRejected));
    }

    [Fact]
    public async Task A_line_break_inside_quotes_and_a_short_row_read_as_the_streaming_importer_read_them()
    {
        await using var warehouse = await WithFeedAsync();
        var file = warehouse.WriteFile("a.txt", RideHeader + "T1,1,1,\"ab\ncd\",2,1,20250407,8:01:00\n" + "T1,2,2,0,3\n" + Visits(40, from: 3));

        var result = await warehouse.ImportAsync("board-alight", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((4L, "service_date", (string?)null), (reject.LineNumber, reject.FieldName!, reject.MaskedValue));
        Assert.Equal(39, (await BoardingsAsync(warehouse)).Count);
    }

    [Fact]
    public async Task Values_are_trimmed_parsed_and_checked_in_order_as_the_streaming_importer_did()
    {
        await using var warehouse = await WithFeedAsync();
        var good = string.Concat(Enumerable.Range(8, 7).Select(day => Visits(40, date: $"202504{day:00}")));
        var odd = string.Join("\n",
            " T1\t,\u30001 ,+1,0, 007 ,\u00a0,20250401,25:10:00",      // line 282: trimmed, signed, padded: loads
            "T1,2,2,0,1,0,20250401,  ",                                    // 283: blank arrival, no departure column: loads, no minute
            "T1,3,3,0,1.5,0,20250401,8:00:00",                             // 284: boardings not an integer
            "T1,4,4,0,1,2147483648,20250401,8:00:00",                      // 285: alightings beyond int
            "T1,5,-5,0,1,0,20250401,8:00:00",                              // 286: negative stop_sequence
            "T1,999,x,0,1,0,20250401,8:00:00",                             // 287: the stop is checked before the sequence
            "T1,6,6,0,1,0,20250230,8:00:00",                               // 288: no such day
            "T1,7,7,0,1,0,20991231,8:00:00",                               // 289: a future day
            "T1,8,8,0,,,20250401,48:00:00",                                // 290: neither count
            "T9,9,9,0,1,0,20250401,8:00:00",                               // 291: a trip the feed lacks
            ",10,10,0,1,0,20250401,8:00:00",                               // 292: no trip
            "T1,11,+2,0,4,0,20250401,8:00:00",                             // 293: stop 11 at sequence 2 again: a repeated visit
            "T1,12,0x10,0,1,0,20250401,8:00:00") + "\n";                  // 294: hexadecimal is no integer
        var file = warehouse.WriteFile("a.txt", RideHeader + good + odd);

        var result = await warehouse.ImportAsync("board-alight", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(
            [
                (284L, "boardings", "人数は 0 以上の整数です。", "1.5"),
                (285L, "alightings", "人数は 0 以上の整数です。", "2147483648"),
                (286L, "stop_sequence", "stop_sequence は 0 以上の整数です。", "-5"),
                (287L, "stop_id", "フィードにない stop_id です。", "999"),
                (288L, "service_date", "service_date は YYYYMMDD の過去の日付です。", "20250230"),
                (289L, "service_date", "service_date は YYYYMMDD の過去の日付です。", "20991231"),
                (290L, "boardings", "boardings と alightings のどちらも空です。", null),
                (291L, "trip_id", "フィードにない trip_id です。", "T9"),
                (292L, "trip_id", "trip_id が空です。", null),
                (293L, "stop_sequence", "同じ日・便・停留所順序の行が重複しています。", "+2"),
                (294L, "stop_sequence", "stop_sequence は 0 以上の整数です。", "0x10"),
            ],
            result.Rejects.Select(r => (r.LineNumber, r.FieldName!, r.Reason, r.MaskedValue)));
        var loaded = await warehouse.QueryAsync<(string Stop, string Trip, int? Sequence, int? Minute, int? On, int? Off)>(
            "SELECT stop_key, trip_key, stop_sequence, minute_of_day, boardings, alightings FROM boarding WHERE date_key = 20250401 ORDER BY stop_key");
        Assert.Equal([($"{Feed1}:1", $"{Feed1}:T1", 1, 1510, 7, null), ($"{Feed1}:2", $"{Feed1}:T1", 2, null, 1, 0)], loaded);
    }

    [Fact]
    public async Task A_file_the_CSV_reader_cannot_split_fails_whole_with_a_clear_message()
    {
        await using var warehouse = await WithFeedAsync();
        var file = warehouse.WriteFile("a.txt", RideHeader + Visits(40) + "T1,1,1,\"never closed,1,0,20250408,8:00:00\n" + Visits(3, date: "20250409"));

        var result = await warehouse.ImportAsync("board-alight", file);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("a.txt を CSV として読み取れません", result.Message, StringComparison.Ordinal);
        Assert.Empty(await BoardingsAsync(warehouse));
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
    public async Task Boardings_a_warehouse_had_before_their_keys_were_numbered_read_the_same_after_the_migration()
    {
        await using var warehouse = await TempWarehouse.CreateAsync(prepare: false);
        var runner = warehouse.Get<MigrationRunner>();
        var migrations = warehouse.Get<SqlCatalogue>().Migrations;
        await runner.MigrateAsync([.. migrations.Where(m => m.Version < 10)], CancellationToken.None);
        (string, int, string, string, string?, string?, int?, int?, int?, int?, int?, long)[] before =
        [
            ("F", 20250407, "gtfs-ride", "F:1", "F:R1", "F:T1", 1, 481, 2, 1, 5, 7L),
            ("F", 20250407, "ic-card", "F:1", null, null, null, 420, 3, 0, null, 8L),
            ("G", 20250408, "ic-card", "G:9", "G:R2", "G:T1", null, 435, 1, null, null, 8L),
        ];
        await using (var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            foreach (var row in before)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO fact_boarding VALUES ($feed, $day, $record, $source, $stop, $route, $trip, $sequence, $minute, $on, $off, $load, $batch)",
                    new
                    {
                        feed = row.Item1, day = row.Item2, record = "r", source = row.Item3, stop = row.Item4, route = row.Item5, trip = row.Item6,
                        sequence = row.Item7, minute = row.Item8, on = row.Item9, off = row.Item10, load = row.Item11, batch = row.Item12,
                    });
            }
        }

        await runner.MigrateAsync(migrations, CancellationToken.None);

        Assert.Equal(before, await warehouse.QueryAsync<(string, int, string, string, string?, string?, int?, int?, int?, int?, int?, long)>(
            "SELECT * FROM boarding ORDER BY feed_key, boarding_source"));
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
        Assert.Equal([$"{Feed1}:R1"], await warehouse.QueryAsync<string>("SELECT DISTINCT route_key FROM boarding"));
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
