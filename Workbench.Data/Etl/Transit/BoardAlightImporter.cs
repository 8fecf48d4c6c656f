using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Transit;

/// <summary>
/// GTFS-ride <c>board_alight.txt</c>: boardings and alightings per trip and stop visit on a service date. The file comes
/// alone (then it belongs to the one loaded feed that has its first trip) or zipped with the feed's <c>agency.txt</c>
/// (then that agency is its namespace). Against a loaded feed every trip and stop is checked; a feed not yet loaded is
/// noted and not checked. <c>service_date</c> is required (the warehouse counts boardings per day); a repeated visit is
/// rejected, the first one in the file kept.
/// <para>
/// Checked in the warehouse, not row by row (ADR 0003), by the streaming importer's rules in its order (first failing
/// rule wins). DuckDB applies them as its own <c>read_csv</c> reads the file (<c>etl/board_alight_stage</c>) and
/// <c>etl/board_alight_check</c> adds the repeated visits; SQL Server stages CsvSource's records as text through
/// SqlBulkCopy (see <see cref="CsvStaging"/>) and checks them all in <c>etl/board_alight_check</c>. The records are
/// counted, and only the first rejects are read back, their record numbers turned into the file's lines, and the texts
/// they broke on read, by one CsvSource pass up to the last of them. All that runs in temporary tables before the
/// batch's transaction (DuckDB scans rows written inside one on a single core). Inside it the accepted rows are copied
/// into <c>fact_boarding</c>, which names feeds, sources, stops, routes and trips by their number in
/// <c>boarding_key</c>, and earlier batches' rows for the same visits are replaced.
/// </para>
/// </summary>
public sealed class BoardAlightImporter : IImporter
{
    public const string Table = "board_alight";
    private const string Source = "gtfs-ride";
    private const string RawTable = "board_alight_raw";
    private static readonly string[] Required = ["trip_id", "stop_id", "stop_sequence", "service_date"];
    private static readonly string[] RawColumns =
        ["trip_id", "stop_id", "stop_sequence", "service_date", "boardings", "alightings", "current_load", "service_arrival_time", "service_departure_time"];

    /// <summary>The field and reason of each rule of the check, by its number; a reject shows that field's text.</summary>
    private static readonly Dictionary<int, (string Field, string Reason)> Rejects = new()
    {
        [1] = ("trip_id", "trip_id が空です。"),
        [2] = ("trip_id", "フィードにない trip_id です。"),
        [3] = ("stop_id", "フィードにない stop_id です。"),
        [4] = ("stop_sequence", "stop_sequence は 0 以上の整数です。"),
        [5] = ("service_date", "service_date は YYYYMMDD の過去の日付です。"),
        [6] = ("boardings", "人数は 0 以上の整数です。"),
        [7] = ("alightings", "人数は 0 以上の整数です。"),
        [8] = ("current_load", "人数は 0 以上の整数です。"),
        [9] = ("boardings", "boardings と alightings のどちらも空です。"),
        [10] = ("stop_sequence", "同じ日・便・停留所順序の行が重複しています。"),
    };

    public string Kind => "board-alight";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        GtfsArchive? archive = null;
        var file = context.SourcePath;
        string? feedKey = null;
        if (Directory.Exists(file) || file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            archive = GtfsArchive.Open(file, context.BatchId);
            file = archive.FileOf("board_alight") ?? throw new EtlFileException("zip（フォルダ）の中に board_alight.txt がありません。");
            feedKey = archive.FileOf("agency") is { } agency ? FirstAgency(agency) : null;
        }

        using (archive)
        {
            using var csv = CsvSource.Open(file, Required);
            feedKey ??= await FeedOfFirstTripAsync(context, file, cancellationToken);
            var feedLoaded = (await context.QueryBeforeTransactionAsync<bool>("etl/transit_feed_loaded", new { feed_key = feedKey }, cancellationToken)).Single();
            if (!feedLoaded)
            {
                context.Note($" フィード {feedKey} はまだ取り込まれていないため、便と停留所を照合していません。");
            }

            var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
            var check = new { feed_key = feedKey, feed_loaded = feedLoaded, today_key = FiscalCalendar.DateKeyOf(today) };
            await context.StageCsvBeforeTransactionAsync(csv, "etl/board_alight_stage", RawTable, RawColumns, check, cancellationToken);
            await context.ExecuteBeforeTransactionAsync("etl/board_alight_check", check, cancellationToken);
            var counts = (await context.QueryBeforeTransactionAsync<CheckedCounts>("etl/board_alight_counts", null, cancellationToken)).Single();
            context.RowsChecked(Table, counts.RowsRead, counts.RowsRejected);
            if (counts.RowsRejected > 0 && context.RejectsToKeep > 0)
            {
                await KeepRejectsAsync(context, csv.PartName, file, cancellationToken);
            }

            var load = new { feed_key = feedKey, boarding_source = Source, batch_id = context.BatchId };
            await context.ExecuteAsync("etl/board_alight_keys", load, cancellationToken);
            context.Table(Table).Loaded = await context.ExecuteAsync("etl/board_alight_load", load, cancellationToken);
            var replace = new
            {
                batch_id = context.BatchId, feed_key = feedKey, boarding_source = Source, first_date_key = counts.FirstDateKey, last_date_key = counts.LastDateKey,
            };
            if (counts.LastDateKey is not null && (await context.QueryAsync<long>("etl/boarding_earlier_in_range", replace, cancellationToken)).Single() > 0)
            {
                await context.ExecuteAsync("etl/boarding_replace_earlier", replace, cancellationToken);
            }
        }
    }

    /// <summary>What <c>etl/board_alight_check</c> found: records read and rejected, and the days the accepted ones cover.</summary>
    private sealed record CheckedCounts(long RowsRead, long RowsRejected, int? FirstDateKey, int? LastDateKey);

    private static async Task KeepRejectsAsync(ImportContext context, string partName, string file, CancellationToken cancellationToken)
    {
        var first = (await context.QueryBeforeTransactionAsync<(long RecordNumber, int Rule)>(
            "etl/board_alight_rejects", new { limit = context.RejectsToKeep }, cancellationToken)).ToList();
        var records = await Task.Run(() => CsvSource.RecordsAt(file, first.ToDictionary(r => r.RecordNumber, r => Rejects[r.Rule].Field)), cancellationToken);
        foreach (var (record, rule) in first)
        {
            var (line, value) = records[record];
            context.KeepReject(partName, line, Rejects[rule].Field, Rejects[rule].Reason, value);
        }
    }

    private static string FirstAgency(string agencyFile)
    {
        using var csv = CsvSource.Open(agencyFile, ["agency_name"]);
        return csv.Read() ? csv.Get("agency_id") ?? csv.Get("agency_name")! : throw new EtlFileException("agency.txt に事業者がありません。");
    }

    private static async Task<string> FeedOfFirstTripAsync(ImportContext context, string file, CancellationToken cancellationToken)
    {
        using var peek = CsvSource.Open(file, Required);
        var trip = peek.Read() ? peek.Get("trip_id") : null;
        if (trip is null)
        {
            throw new EtlFileException($"{peek.PartName} にデータ行がないか、最初の行に trip_id がありません。");
        }

        var feeds = (await context.QueryBeforeTransactionAsync<string>("etl/transit_feeds_of_trip", new { trip_id = trip }, cancellationToken)).ToList();
        return feeds.Count switch
        {
            1 => feeds[0],
            0 => throw new EtlFileException($"便 {trip} がどの GTFS フィードにもありません。先にフィードを取り込むか、フィードの agency.txt と一緒に zip にしてください。"),
            _ => throw new EtlFileException($"便 {trip} が複数のフィード（{string.Join(", ", feeds)}）にあります。フィードの agency.txt と一緒に zip にしてください。"),
        };
    }
}
