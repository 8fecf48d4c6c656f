using System.Globalization;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Transit;

/// <summary>
/// GTFS-ride <c>board_alight.txt</c>: boardings and alightings per trip and stop visit on a service date. The file comes
/// alone (then it belongs to the one loaded feed that has its first trip) or zipped with the feed's <c>agency.txt</c>
/// (then that agency is its namespace). Against a loaded feed every trip and stop is checked; a feed not yet loaded is
/// noted and not checked. <c>service_date</c> is required (the warehouse counts boardings per day); a repeated visit is
/// rejected. Streams: parsing runs a chunk ahead of the bulk load, which appends to the fact within the batch.
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
            var days = new DayRange();

            // Straight into the fact inside the batch's transaction (a refused or failed batch rolls it back): copying
            // millions of visits through a staging table doubled the load. Earlier rows this file replaces go after.
            context.Table(Table).Loaded = await context.StageAsync("fact_boarding", Columns, RowsAhead.Of(() => Rows(csv, context, feed, today, days)), cancellationToken);
            var replace = new { batch_id = context.BatchId, feed_key = feedKey, first_date_key = days.First, last_date_key = days.Last };
            if (days.Last > 0 && (await context.QueryAsync<long>("etl/boarding_earlier_in_range", replace, cancellationToken)).Single() > 0)
            {
                await context.ExecuteAsync("etl/boarding_replace_earlier", replace, cancellationToken);
            }
        }
    }

    /// <summary>The first and last day a file's accepted rows cover.</summary>
    private sealed class DayRange
    {
        public int First { get; private set; } = int.MaxValue;

        public int Last { get; private set; }

        public void Add(int dateKey)
        {
            First = Math.Min(First, dateKey);
            Last = Math.Max(Last, dateKey);
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

        var feeds = (await context.QueryAsync<string>("etl/transit_feeds_of_trip", new { trip_id = trip }, cancellationToken)).ToList();
        return feeds.Count switch
        {
            1 => feeds[0],
            0 => throw new EtlFileException($"便 {trip} がどの GTFS フィードにもありません。先にフィードを取り込むか、フィードの agency.txt と一緒に zip にしてください。"),
            _ => throw new EtlFileException($"便 {trip} が複数のフィード（{string.Join(", ", feeds)}）にあります。フィードの agency.txt と一緒に zip にしてください。"),
        };
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, TransitFeedIndex feed, DateOnly today, DayRange days)
    {
        var feedKey = feed.FeedKey;
        var visits = new VisitKeys();
        var stopKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var tripKeys = new Dictionary<string, (string Key, string? Route, int Index)>(StringComparer.Ordinal);
        while (csv.Read())
        {
            context.RowRead(Table);
            var tripId = csv.Get("trip_id");
            var stopId = csv.Get("stop_id");
            if (tripId is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "trip_id", "trip_id が空です。");
                continue;
            }

            if (!tripKeys.TryGetValue(tripId, out var trip))
            {
                string? route = null;
                if (feed.IsLoaded && !feed.TripRoutes.TryGetValue(tripId, out route))
                {
                    context.Reject(Table, csv.PartName, csv.LineNumber, "trip_id", "フィードにない trip_id です。", tripId);
                    continue;
                }

                trip = (GtfsValues.Key(feedKey, tripId), route, tripKeys.Count);
                tripKeys[tripId] = trip;
            }

            if (stopId is null || (feed.IsLoaded && !feed.Stops.Contains(stopId)))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "stop_id", "フィードにない stop_id です。", stopId);
                continue;
            }

            if (!stopKeys.TryGetValue(stopId, out var stopKey))
            {
                stopKey = GtfsValues.Key(feedKey, stopId);
                stopKeys[stopId] = stopKey;
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

            var dateKey = FiscalCalendar.DateKeyOf(date.Value);
            if (!visits.Add(dateKey, trip.Index, tripId, sequence))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "stop_sequence", "同じ日・便・停留所順序の行が重複しています。", csv.Get("stop_sequence"));
                continue;
            }

            days.Add(dateKey);
            var time = GtfsValues.ParseSeconds(csv.Get("service_arrival_time") ?? csv.Get("service_departure_time"));
            yield return
            [
                feedKey, dateKey, string.Create(CultureInfo.InvariantCulture, $"{tripId}|{sequence}"), Source,
                stopKey, trip.Route, trip.Key, sequence, time / 60, boardings, alightings, load, context.BatchId,
            ];
        }
    }

    /// <summary>
    /// The (day, trip, stop sequence) visits seen in a file, so a repeated visit is rejected while streaming and the merge
    /// needs no window over millions of rows. Packed exactly into a long while the numbers fit; a tuple set beyond.
    /// </summary>
    private sealed class VisitKeys
    {
        private readonly HashSet<long> packed = [];
        private readonly HashSet<(int, string, int)> wide = [];

        public bool Add(int dateKey, int tripIndex, string tripId, int sequence) =>
            tripIndex < (1 << 20) && sequence < (1 << 16) && dateKey is > 0 and < (1 << 27)
                ? packed.Add(((long)dateKey << 36) | ((long)tripIndex << 16) | (long)sequence)
                : wide.Add((dateKey, tripId, sequence));
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
