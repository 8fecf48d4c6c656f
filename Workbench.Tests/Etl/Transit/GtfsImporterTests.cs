using System.IO.Compression;
using Workbench.Data.Etl;
using Workbench.Tests.Support;
using static Workbench.Tests.Etl.Transit.TransitFiles;

namespace Workbench.Tests.Etl.Transit;

public class GtfsImporterTests
{
    /// <summary>The GTFS files the importer reads, and the warehouse table each one lands in.</summary>
    private static readonly (string Part, string Table)[] Parts =
    [
        ("agency", "dim_agency"), ("office_jp", "transit_office"), ("stops", "dim_stop"), ("routes", "dim_route"), ("calendar", "transit_calendar"),
        ("calendar_dates", "transit_calendar_date"), ("shapes", "transit_shape_point"), ("trips", "dim_trip"), ("stop_times", "transit_stop_time"),
    ];

    public static TheoryData<string> RealFeeds => ["okaden_gtfs-jp_20190401.zip", "town_nyuzen_noran_gtfs.zip", "nyuzen_noran"];

    [SkippableTheory]
    [MemberData(nameof(RealFeeds))]
    public async Task A_real_GTFS_JP_feed_loads_with_counts_equal_to_the_lines_of_its_files(string feed)
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();
        var files = ReadFeed(RealGtfs(feed));

        var result = await warehouse.ImportAsync("gtfs", RealGtfs(feed));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Empty(result.Rejects);
        foreach (var (part, table) in Parts)
        {
            var expected = files.TryGetValue(part + ".txt", out var text) ? DataLines(text) : 0;
            Assert.Equal((part, expected), (part, result.Tables.TryGetValue(part, out var count) ? count.Loaded : 0));
            Assert.Equal((table, expected), (table, (await warehouse.QueryAsync<long>($"SELECT COUNT(*) FROM {table}")).Single()));
        }

        foreach (var part in new[] { "agency_jp", "routes_jp" })
        {
            Assert.Equal(DataLines(files[part + ".txt"]), result.Tables[part].Loaded);
        }

        Assert.Equal(DataLines(files["routes_jp.txt"]), (await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM dim_route WHERE route_update_date IS NOT NULL")).Single());
    }

    [SkippableFact]
    public async Task Two_real_feeds_live_side_by_side_each_under_its_agency()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();

        await warehouse.ImportAsync("gtfs", RealGtfs("okaden_gtfs-jp_20190401.zip"));
        await warehouse.ImportAsync("gtfs", RealGtfs("town_nyuzen_noran_gtfs.zip"));

        Assert.Equal(
            [("6260001001189", 1364L), ("8000020163422_1", 80L)],
            await warehouse.QueryAsync<(string, long)>("SELECT feed_key, COUNT(*) FROM dim_stop GROUP BY feed_key ORDER BY feed_key"));
        Assert.Equal(
            ["岡山市中区徳吉町2丁目8-22", "富山県下新川郡入善町入膳3255"],
            await warehouse.QueryAsync<string>("SELECT address FROM dim_agency ORDER BY feed_key"));
    }

    [Fact]
    public async Task Two_feeds_with_the_same_stop_ids_never_collide()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();

        var first = await warehouse.ImportAsync("gtfs", Zip(warehouse, "a.zip", Feed("1111111111111")));
        var second = await warehouse.ImportAsync("gtfs", Zip(warehouse, "b.zip", Feed("2222222222222")));

        Assert.Equal((ImportStatus.Succeeded, ImportStatus.Succeeded), (first.Status, second.Status));
        Assert.Equal(
            ["1111111111111:1", "1111111111111:2", "1111111111111:3", "1111111111111:4", "2222222222222:1", "2222222222222:2", "2222222222222:3", "2222222222222:4"],
            await warehouse.QueryAsync<string>("SELECT stop_key FROM dim_stop ORDER BY stop_key"));
        Assert.Equal(8L, (await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM transit_stop_time")).Single());
        Assert.Equal(
            ["1111111111111:R1", "2222222222222:R1"],
            await warehouse.QueryAsync<string>("SELECT route_key FROM dim_route WHERE origin_stop = '津山駅' ORDER BY route_key"));
    }

    [Fact]
    public async Task A_stop_time_at_an_unknown_stop_is_rejected_with_its_line_and_reason_and_the_rest_load()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var feed = Feed(stops: 40, extraStopTimes: "T1,9:00:00,9:00:00,999,41\n");

        var result = await warehouse.ImportAsync("gtfs", Zip(warehouse, "a.zip", feed));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("stop_times.txt", 42L, "stop_id", "999"), (reject.SourcePart, reject.LineNumber, reject.FieldName!, reject.MaskedValue!));
        Assert.Contains("stops.txt にない stop_id", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(40L, (await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM transit_stop_time")).Single());
    }

    [Fact]
    public async Task Too_many_bad_rows_load_nothing_of_the_feed()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var feed = Feed(stops: 4, extraStopTimes: "T1,25:61:00,,1,9\nT9,9:00:00,9:00:00,1,10\n");

        var result = await warehouse.ImportAsync("gtfs", Zip(warehouse, "a.zip", feed));

        Assert.Equal(ImportStatus.Refused, result.Status);
        Assert.Equal(["arrival_time", "trip_id"], result.Rejects.Select(r => r.FieldName));
        foreach (var (_, table) in Parts)
        {
            Assert.Equal(0L, (await warehouse.QueryAsync<long>($"SELECT COUNT(*) FROM {table}")).Single());
        }
    }

    [Fact]
    public async Task The_same_feed_again_changes_nothing_and_a_new_version_replaces_the_agencys_rows()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var path = Zip(warehouse, "a.zip", Feed(stops: 4));
        await warehouse.ImportAsync("gtfs", path);
        var before = await warehouse.QueryAsync<(string, long)>("SELECT stop_key, batch_id FROM dim_stop ORDER BY stop_key");

        var again = await warehouse.ImportAsync("gtfs", path);
        var after = await warehouse.QueryAsync<(string, long)>("SELECT stop_key, batch_id FROM dim_stop ORDER BY stop_key");
        var newer = await warehouse.ImportAsync("gtfs", Zip(warehouse, "b.zip", Feed(stops: 3)));

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(before, after);
        Assert.Equal(ImportStatus.Succeeded, newer.Status);
        Assert.Equal(3L, (await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM dim_stop")).Single());
        Assert.Equal(3L, (await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM transit_stop_time")).Single());
        Assert.Equal(1L, (await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM dim_agency")).Single());
    }

    [Fact]
    public async Task A_broken_zip_fails_with_a_clear_Japanese_message()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var path = warehouse.WriteFile("broken.zip", "PK\u0003\u0004 this is not really a zip");

        var result = await warehouse.ImportAsync("gtfs", path);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("broken.zip を zip ファイルとして開けません", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_without_stop_times_fails_whole_naming_the_missing_file()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var feed = Feed();
        feed.Remove("stop_times.txt");

        var result = await warehouse.ImportAsync("gtfs", Zip(warehouse, "a.zip", feed));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("stop_times.txt がありません", result.Message, StringComparison.Ordinal);
        Assert.Equal(0L, (await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM dim_stop")).Single());
    }

    private static Dictionary<string, string> ReadFeed(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.txt").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        }

        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(e => e.Name, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }, StringComparer.Ordinal);
    }
}
