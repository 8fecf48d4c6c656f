using System.Globalization;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Transit;

/// <summary>
/// IC-card boardings CSV (the workbench's own plain format, documented in README.md beside this file):
/// <c>agency_id,date,time,stop_id,route_id,trip_id,boardings,alightings</c>. Counts per stop, route and time slot; rows
/// with the same agency, date, time, stop, route and trip add up, so an export of one row per tap (a count of 1) loads
/// as it is. Stops and routes are the GTFS ids of the agency's feed, which must be loaded first. Card numbers are never
/// read.
/// </summary>
public sealed class IcCardImporter : IImporter
{
    public const string Table = "ic_card";
    private const string Source = "ic-card";
    private static readonly string[] Required = ["agency_id", "date", "time", "stop_id"];

    /// <summary>The columns of <c>fact_boarding</c>, in order: the summed counts are staged with them.</summary>
    private static readonly string[] Columns =
        ["feed_key", "date_key", "record_key", "boarding_source", "stop_key", "route_key", "trip_key", "stop_sequence", "minute_of_day", "boardings", "alightings", "current_load", "batch_id"];

    public string Kind => "ic-card";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        await context.ExecuteAsync("etl/transit_waste_stage_clear", null, cancellationToken);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        if (!csv.Has("boardings") && !csv.Has("alightings"))
        {
            throw new EtlFileException($"{csv.PartName} に boardings・alightings のどちらの列もありません（1タップ1行なら boardings を 1 に）。");
        }

        var feeds = new Dictionary<string, TransitFeedIndex>(StringComparer.Ordinal);
        foreach (var agency in await AgenciesAsync(context.SourcePath))
        {
            feeds[agency] = await TransitFeedIndex.LoadAsync(context, agency, cancellationToken);
        }

        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        context.Table(Table).Loaded = await context.StageAsync("stage_fact_boarding", Columns, RowsAhead.Of(() => Rows(csv, context, feeds, today)), cancellationToken);
        await context.ExecuteAsync("etl/ic_card_merge", null, cancellationToken);
        context.Table(Table).Loaded = (await context.QueryAsync<long>("etl/ic_card_staged", null, cancellationToken)).Single();
        await context.ExecuteAsync("etl/boarding_merge", null, cancellationToken);
    }

    /// <summary>The agencies a file names (a first pass over one column; a file holds one operator's or a few).</summary>
    private static Task<HashSet<string>> AgenciesAsync(string path) => Task.Run(() =>
    {
        using var csv = CsvSource.Open(path, Required);
        var agencies = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            if (csv.Get("agency_id") is { } agency)
            {
                agencies.Add(agency);
            }
        }

        return agencies;
    });

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, Dictionary<string, TransitFeedIndex> feeds, DateOnly today)
    {
        while (csv.Read())
        {
            context.RowRead(Table);
            var agency = csv.Get("agency_id");
            if (agency is null || !feeds.TryGetValue(agency, out var feed) || !feed.IsLoaded)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "agency_id", "この agency_id の GTFS フィードが取り込まれていません。先にフィードを取り込んでください。", agency);
                continue;
            }

            var date = SourceValues.ParseDate(csv.Get("date"));
            if (date is null || date > today)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "date", "date は過去の日付です（例: 2025-04-07）。", csv.Get("date"));
                continue;
            }

            if (SourceValues.ParseMinuteOfDay(csv.Get("time")) is not { } minute)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "time", "time は時刻です（例: 07:00）。", csv.Get("time"));
                continue;
            }

            var stop = csv.Get("stop_id");
            if (stop is null || !feed.Stops.Contains(stop))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "stop_id", "フィードにない stop_id です。", stop);
                continue;
            }

            var route = csv.Get("route_id");
            if (route is not null && !feed.Routes.Contains(route))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "route_id", "フィードにない route_id です。", route);
                continue;
            }

            var trip = csv.Get("trip_id");
            if (trip is not null && !feed.TripRoutes.ContainsKey(trip))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "trip_id", "フィードにない trip_id です。", trip);
                continue;
            }

            if (!Count(csv, "boardings", out var boardings) || !Count(csv, "alightings", out var alightings))
            {
                var field = Count(csv, "boardings", out _) ? "alightings" : "boardings";
                context.Reject(Table, csv.PartName, csv.LineNumber, field, "人数は 0 以上の整数です。", csv.Get(field));
                continue;
            }

            if (boardings is null && alightings is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "boardings", "boardings と alightings のどちらも空です。");
                continue;
            }

            var routeKey = route is not null ? GtfsValues.Key(agency, route) : trip is not null ? feed.TripRoutes[trip] : null;
            yield return
            [
                agency, FiscalCalendar.DateKeyOf(date.Value), string.Create(CultureInfo.InvariantCulture, $"{minute}|{stop}|{route}|{trip}"), Source,
                GtfsValues.Key(agency, stop), routeKey, trip is null ? null : GtfsValues.Key(agency, trip), null, minute, boardings, alightings, null, context.BatchId,
            ];
        }
    }

    /// <summary>An optional count: true and null when empty, true and the value when a whole number ≥ 0.</summary>
    private static bool Count(CsvSource csv, string column, out int? value)
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
