using System.Globalization;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Transit;

/// <summary>
/// GTFS-ride <c>board_alight.txt</c>: boardings and alightings per trip and stop visit on a service date. The file comes
/// alone (then it belongs to the one loaded feed that has its first trip) or zipped with the feed's <c>agency.txt</c>
/// (then that agency is its namespace). Against a loaded feed every trip and stop is checked; a feed not yet loaded is
/// noted and not checked. <c>service_date</c> is required (the warehouse counts boardings per day). Streams: parsing
/// runs a chunk ahead of the bulk load.
/// </summary>
public sealed class BoardAlightImporter : IImporter
{
    public const string Table = "board_alight";
    private const string Source = "gtfs-ride";
    private static readonly string[] Required = ["trip_id", "stop_id", "stop_sequence", "service_date"];
    internal static readonly string[] Columns =
        ["feed_key", "date_key", "record_key", "boarding_source", "stop_key", "route_key", "trip_key", "stop_sequence", "minute_of_day", "boardings", "alightings", "current_load", "batch_id"];

    public string Kind => "board-alight";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        await context.ExecuteAsync("etl/transit_waste_stage_clear", null, cancellationToken);
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
            var feed = await TransitFeedIndex.LoadAsync(context, feedKey, cancellationToken);
            if (!feed.IsLoaded)
            {
                context.Note($" フィード {feedKey} はまだ取り込まれていないため、便と停留所を照合していません。");
            }

            var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
            context.Table(Table).Loaded = await context.StageAsync("stage_fact_boarding", Columns, RowsAhead.Of(() => Rows(csv, context, feed, today)), cancellationToken);
        }

        await context.ExecuteAsync("etl/boarding_merge", null, cancellationToken);
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

        var feeds = (await context.QueryAsync<string>("etl/transit_feeds_of_trip", new { trip_id = trip }, cancellationToken)).ToList();
        return feeds.Count switch
        {
            1 => feeds[0],
            0 => throw new EtlFileException($"便 {trip} がどの GTFS フィードにもありません。先にフィードを取り込むか、フィードの agency.txt と一緒に zip にしてください。"),
            _ => throw new EtlFileException($"便 {trip} が複数のフィード（{string.Join(", ", feeds)}）にあります。フィードの agency.txt と一緒に zip にしてください。"),
        };
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, TransitFeedIndex feed, DateOnly today)
    {
        var feedKey = feed.FeedKey;
        while (csv.Read())
        {
            context.RowRead(Table);
            var trip = csv.Get("trip_id");
            var stop = csv.Get("stop_id");
            string? route = null;
            if (trip is null || (feed.IsLoaded && !feed.TripRoutes.TryGetValue(trip, out route)))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "trip_id", "フィードにない trip_id です。", trip);
                continue;
            }

            if (stop is null || (feed.IsLoaded && !feed.Stops.Contains(stop)))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "stop_id", "フィードにない stop_id です。", stop);
                continue;
            }

            if (!GtfsValues.TryInt(csv.Get("stop_sequence"), out var sequence) || sequence < 0)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "stop_sequence", "stop_sequence は 0 以上の整数です。", csv.Get("stop_sequence"));
                continue;
            }

            var date = GtfsValues.ParseDate(csv.Get("service_date"));
            if (date is null || date > today)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "service_date", "service_date は YYYYMMDD の過去の日付です。", csv.Get("service_date"));
                continue;
            }

            if (!Count(csv, "boardings", out var boardings) || !Count(csv, "alightings", out var alightings) || !Count(csv, "current_load", out var load))
            {
                var field = !Count(csv, "boardings", out _) ? "boardings" : !Count(csv, "alightings", out _) ? "alightings" : "current_load";
                context.Reject(Table, csv.PartName, csv.LineNumber, field, "人数は 0 以上の整数です。", csv.Get(field));
                continue;
            }

            if (boardings is null && alightings is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "boardings", "boardings と alightings のどちらも空です。");
                continue;
            }

            var time = GtfsValues.ParseSeconds(csv.Get("service_arrival_time") ?? csv.Get("service_departure_time"));
            yield return
            [
                feedKey, FiscalCalendar.DateKeyOf(date.Value), string.Create(CultureInfo.InvariantCulture, $"{trip}|{sequence}"), Source,
                GtfsValues.Key(feedKey, stop), route, GtfsValues.Key(feedKey, trip), sequence, time / 60, boardings, alightings, load, context.BatchId,
            ];
        }
    }

    /// <summary>An optional count: true and null when empty, true and the value when a whole number ≥ 0.</summary>
    internal static bool Count(CsvSource csv, string column, out int? value)
    {
        value = null;
        if (csv.Get(column) is not { } text)
        {
            return true;
        }

        if (GtfsValues.TryInt(text, out var n) && n >= 0)
        {
            value = n;
            return true;
        }

        return false;
    }
}
