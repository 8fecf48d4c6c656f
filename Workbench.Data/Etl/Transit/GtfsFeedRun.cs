using System.Globalization;

namespace Workbench.Data.Etl.Transit;

/// <summary>One GTFS feed being read, file by file in reference order, with the ids seen so far.</summary>
internal sealed class GtfsFeedRun(ImportContext context, GtfsArchive archive, CancellationToken cancellationToken)
{
    public static readonly string[] RequiredFiles = ["agency", "stops", "routes", "trips", "stop_times"];

    private static readonly string[] AgencyColumns = ["agency_key", "feed_key", "agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang", "agency_phone", "official_name", "zip_number", "address", "batch_id"];
    private static readonly string[] OfficeColumns = ["office_key", "feed_key", "office_id", "office_name", "office_url", "office_phone", "batch_id"];
    private static readonly string[] StopColumns = ["stop_key", "feed_key", "stop_id", "stop_code", "stop_name", "stop_desc", "latitude", "longitude", "zone_id", "location_type", "parent_station_key", "platform_code", "batch_id"];
    private static readonly string[] RouteColumns = ["route_key", "feed_key", "route_id", "agency_key", "route_short_name", "route_long_name", "route_desc", "route_type", "route_color", "route_text_color", "jp_parent_route_id", "origin_stop", "via_stop", "destination_stop", "route_update_date", "batch_id"];
    private static readonly string[] CalendarColumns = ["service_key", "feed_key", "service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date", "batch_id"];
    private static readonly string[] CalendarDateColumns = ["service_key", "service_date", "exception_type", "feed_key", "batch_id"];
    private static readonly string[] ShapeColumns = ["shape_key", "shape_pt_sequence", "latitude", "longitude", "shape_dist_traveled", "feed_key", "batch_id"];
    private static readonly string[] TripColumns = ["trip_key", "feed_key", "trip_id", "route_key", "service_key", "trip_headsign", "trip_short_name", "direction_id", "block_id", "shape_key", "office_key", "batch_id"];
    private static readonly string[] StopTimeColumns = ["trip_key", "stop_sequence", "stop_key", "arrival_seconds", "departure_seconds", "stop_headsign", "pickup_type", "drop_off_type", "shape_dist_traveled", "feed_key", "batch_id"];
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly HashSet<string> agencies = new(StringComparer.Ordinal);
    private readonly HashSet<string> offices = new(StringComparer.Ordinal);
    private readonly HashSet<string> stops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?[]> routesJp = new(StringComparer.Ordinal);
    private readonly HashSet<string> routes = new(StringComparer.Ordinal);
    private readonly HashSet<string> services = new(StringComparer.Ordinal);
    private readonly HashSet<string> shapes = new(StringComparer.Ordinal);
    private readonly HashSet<string> trips = new(StringComparer.Ordinal);

    public string FeedKey { get; private set; } = string.Empty;

    public async Task ImportAsync()
    {
        await AgenciesAsync();
        await StageAsync("office_jp", "stage_transit_office", OfficeColumns, ["office_id", "office_name"], Offices);
        await StageAsync("stops", "stage_dim_stop", StopColumns, ["stop_id"], Stops);
        ReadRoutesJp();
        await StageAsync("routes", "stage_dim_route", RouteColumns, ["route_id", "route_type"], Routes);
        RejectUnmatchedRoutesJp();
        await StageAsync("calendar", "stage_transit_calendar", CalendarColumns, ["service_id", .. Weekdays, "start_date", "end_date"], Calendar);
        await StageAsync("calendar_dates", "stage_transit_calendar_date", CalendarDateColumns, ["service_id", "date", "exception_type"], CalendarDates);
        await StageAsync("shapes", "stage_transit_shape_point", ShapeColumns, ["shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence"], Shapes);
        await StageAsync("trips", "stage_dim_trip", TripColumns, ["route_id", "service_id", "trip_id"], Trips);
        await StageAsync("stop_times", "stage_transit_stop_time", StopTimeColumns, ["trip_id", "stop_id", "stop_sequence"], StopTimes);
    }

    private string Key(string id) => GtfsValues.Key(FeedKey, id);

    private async Task StageAsync(string part, string stageTable, IReadOnlyList<string> columns, string[] required, Func<CsvSource, IEnumerable<object?[]>> rows)
    {
        if (archive.FileOf(part) is not { } path)
        {
            return;
        }

        using var csv = CsvSource.Open(path, required);
        context.Table(part).Loaded += await context.StageAsync(stageTable, columns, rows(csv), cancellationToken);
    }

    private bool Reject(CsvSource csv, string part, string? field, string reason, string? value = null)
    {
        context.Reject(part, csv.PartName, csv.LineNumber, field, reason, value);
        return false;
    }

    private async Task AgenciesAsync()
    {
        var jp = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        if (archive.FileOf("agency_jp") is { } jpPath)
        {
            using var csv = CsvSource.Open(jpPath, ["agency_id"]);
            while (csv.Read())
            {
                context.RowRead("agency_jp");
                if (csv.Get("agency_id") is not { } id || !jp.TryAdd(id, [csv.Get("agency_official_name"), csv.Get("agency_zip_number"), csv.Get("agency_address")]))
                {
                    Reject(csv, "agency_jp", "agency_id", "agency_id が空か、重複しています。", csv.Get("agency_id"));
                }
            }
        }

        var rows = new List<object?[]>();
        using (var csv = CsvSource.Open(archive.FileOf("agency")!, ["agency_name"]))
        {
            while (csv.Read())
            {
                context.RowRead("agency");
                var name = csv.Get("agency_name");
                var id = csv.Get("agency_id") ?? string.Empty;
                if (name is null)
                {
                    Reject(csv, "agency", "agency_name", "agency_name が空です。");
                    continue;
                }

                if (FeedKey.Length == 0)
                {
                    // The feed's namespace: GTFS-JP agency_ids are 法人番号, unique across Japan.
                    FeedKey = id.Length > 0 ? id : name;
                }

                if (!agencies.Add(id))
                {
                    Reject(csv, "agency", "agency_id", "agency_id が重複しています（複数の事業者がいるフィードでは必須です）。", id);
                    continue;
                }

                var extra = jp.Remove(id, out var found) ? found : [null, null, null];
                if (found is not null)
                {
                    context.Table("agency_jp").Loaded++;
                }

                rows.Add([Key(id), FeedKey, id, name, csv.Get("agency_url"), csv.Get("agency_timezone"), csv.Get("agency_lang"), csv.Get("agency_phone"), extra[0], extra[1], extra[2], context.BatchId]);
            }
        }

        if (FeedKey.Length == 0)
        {
            throw new EtlFileException("agency.txt に事業者が1行もありません。フィードの名前空間（agency_id）が決まらないため取り込めません。");
        }

        foreach (var orphan in jp.Keys)
        {
            context.Reject("agency_jp", "agency_jp.txt", 0, "agency_id", "agency.txt にない agency_id です。", orphan);
        }

        context.Table("agency").Loaded += await context.StageAsync("stage_dim_agency", AgencyColumns, rows, cancellationToken);
    }

    private IEnumerable<object?[]> Offices(CsvSource csv)
    {
        while (csv.Read())
        {
            context.RowRead("office_jp");
            var id = csv.Get("office_id");
            var name = csv.Get("office_name");
            if (id is null || !offices.Add(id))
            {
                Reject(csv, "office_jp", "office_id", "office_id が空か、重複しています。", id);
                continue;
            }

            if (name is null)
            {
                Reject(csv, "office_jp", "office_name", "office_name が空です。");
                continue;
            }

            yield return [Key(id), FeedKey, id, name, csv.Get("office_url"), csv.Get("office_phone"), context.BatchId];
        }
    }

    private IEnumerable<object?[]> Stops(CsvSource csv)
    {
        while (csv.Read())
        {
            context.RowRead("stops");
            var id = csv.Get("stop_id");
            if (id is null || !stops.Add(id))
            {
                Reject(csv, "stops", "stop_id", "stop_id が空か、重複しています。", id);
                continue;
            }

            var locationType = 0;
            if (csv.Get("location_type") is { } lt && (!GtfsValues.TryInt(lt, out locationType) || locationType is < 0 or > 4))
            {
                stops.Remove(id);
                Reject(csv, "stops", "location_type", "location_type は 0〜4 です。", lt);
                continue;
            }

            var name = csv.Get("stop_name");
            var needsPlace = locationType <= 2;
            double? latitude = null, longitude = null;
            if (GtfsValues.TryLatitude(csv.Get("stop_lat"), out var lat) && GtfsValues.TryLongitude(csv.Get("stop_lon"), out var lon))
            {
                (latitude, longitude) = (lat, lon);
            }
            else if (needsPlace)
            {
                stops.Remove(id);
                Reject(csv, "stops", "stop_lat", "停留所の緯度・経度が正しくありません（十進の度）。", $"{csv.Get("stop_lat")},{csv.Get("stop_lon")}");
                continue;
            }

            if (name is null && needsPlace)
            {
                stops.Remove(id);
                Reject(csv, "stops", "stop_name", "stop_name が空です。");
                continue;
            }

            var parent = csv.Get("parent_station");
            yield return
            [
                Key(id), FeedKey, id, csv.Get("stop_code"), name ?? id, csv.Get("stop_desc"), latitude, longitude, csv.Get("zone_id"),
                (short)locationType, parent is null ? null : Key(parent), csv.Get("platform_code"), context.BatchId,
            ];
        }
    }

    private void ReadRoutesJp()
    {
        if (archive.FileOf("routes_jp") is not { } path)
        {
            return;
        }

        using var csv = CsvSource.Open(path, ["route_id"]);
        while (csv.Read())
        {
            context.RowRead("routes_jp");
            var id = csv.Get("route_id");
            var updated = csv.Get("route_update_date");
            if (id is null || routesJp.ContainsKey(id))
            {
                Reject(csv, "routes_jp", "route_id", "route_id が空か、重複しています。", id);
            }
            else if (updated is not null && GtfsValues.ParseDate(updated) is null)
            {
                Reject(csv, "routes_jp", "route_update_date", "route_update_date は YYYYMMDD の日付です。", updated);
            }
            else
            {
                routesJp[id] = [csv.Get("origin_stop"), csv.Get("via_stop"), csv.Get("destination_stop"), updated, csv.PartName, csv.LineNumber.ToString(CultureInfo.InvariantCulture)];
            }
        }
    }

    private IEnumerable<object?[]> Routes(CsvSource csv)
    {
        while (csv.Read())
        {
            context.RowRead("routes");
            var id = csv.Get("route_id");
            if (id is null || !routes.Add(id))
            {
                Reject(csv, "routes", "route_id", "route_id が空か、重複しています。", id);
                continue;
            }

            var agency = csv.Get("agency_id") ?? (agencies.Count == 1 ? agencies.First() : null);
            if (agency is null || !agencies.Contains(agency))
            {
                routes.Remove(id);
                Reject(csv, "routes", "agency_id", "agency.txt にない agency_id です。", agency);
                continue;
            }

            if (!GtfsValues.TryInt(csv.Get("route_type"), out var routeType) || routeType is < 0 or > 1702)
            {
                routes.Remove(id);
                Reject(csv, "routes", "route_type", "route_type が GTFS の種別ではありません（バスは 3）。", csv.Get("route_type"));
                continue;
            }

            var shortName = csv.Get("route_short_name");
            var longName = csv.Get("route_long_name");
            if (shortName is null && longName is null)
            {
                routes.Remove(id);
                Reject(csv, "routes", "route_long_name", "route_short_name と route_long_name のどちらかが必要です。");
                continue;
            }

            string?[] jp = routesJp.Remove(id, out var found) ? found : [null, null, null, null];
            if (found is not null)
            {
                context.Table("routes_jp").Loaded++;
            }

            yield return
            [
                Key(id), FeedKey, id, Key(agency), shortName, longName, csv.Get("route_desc"), (short)routeType, csv.Get("route_color"),
                csv.Get("route_text_color"), csv.Get("jp_parent_route_id"), jp[0], jp[1], jp[2], GtfsValues.ParseDate(jp[3]), context.BatchId,
            ];
        }
    }

    private void RejectUnmatchedRoutesJp()
    {
        foreach (var (id, row) in routesJp)
        {
            context.Reject("routes_jp", row[4]!, long.Parse(row[5]!, CultureInfo.InvariantCulture), "route_id", "routes.txt にない route_id です。", id);
        }
    }

    private IEnumerable<object?[]> Calendar(CsvSource csv)
    {
        while (csv.Read())
        {
            context.RowRead("calendar");
            var id = csv.Get("service_id");
            if (id is null || services.Contains(id))
            {
                Reject(csv, "calendar", "service_id", "service_id が空か、重複しています。", id);
                continue;
            }

            var days = new object?[7];
            string? badDay = null;
            for (var i = 0; i < 7; i++)
            {
                var flag = csv.Get(Weekdays[i]);
                if (flag is not ("0" or "1"))
                {
                    badDay = Weekdays[i];
                    break;
                }

                days[i] = flag == "1";
            }

            if (badDay is not null)
            {
                Reject(csv, "calendar", badDay, "曜日の列は 0 か 1 です。", csv.Get(badDay));
                continue;
            }

            var start = GtfsValues.ParseDate(csv.Get("start_date"));
            var end = GtfsValues.ParseDate(csv.Get("end_date"));
            if (start is null || end is null || end < start)
            {
                Reject(csv, "calendar", start is null ? "start_date" : "end_date", "start_date・end_date は YYYYMMDD で、開始 ≦ 終了です。", $"{csv.Get("start_date")}〜{csv.Get("end_date")}");
                continue;
            }

            services.Add(id);
            yield return [Key(id), FeedKey, id, .. days, start.Value, end.Value, context.BatchId];
        }
    }

    private IEnumerable<object?[]> CalendarDates(CsvSource csv)
    {
        var seen = new HashSet<(string, DateOnly)>();
        while (csv.Read())
        {
            context.RowRead("calendar_dates");
            var id = csv.Get("service_id");
            var date = GtfsValues.ParseDate(csv.Get("date"));
            if (id is null)
            {
                Reject(csv, "calendar_dates", "service_id", "service_id が空です。");
                continue;
            }

            if (date is null)
            {
                Reject(csv, "calendar_dates", "date", "date は YYYYMMDD の日付です。", csv.Get("date"));
                continue;
            }

            if (csv.Get("exception_type") is not ("1" or "2"))
            {
                Reject(csv, "calendar_dates", "exception_type", "exception_type は 1（運行を追加）か 2（運休）です。", csv.Get("exception_type"));
                continue;
            }

            if (!seen.Add((id, date.Value)))
            {
                Reject(csv, "calendar_dates", "date", "同じ service_id と date の行が重複しています。", csv.Get("date"));
                continue;
            }

            services.Add(id);
            yield return [Key(id), date.Value, (short)(csv.Get("exception_type") == "1" ? 1 : 2), FeedKey, context.BatchId];
        }
    }

    private IEnumerable<object?[]> Shapes(CsvSource csv)
    {
        var seen = new HashSet<(string, int)>();
        while (csv.Read())
        {
            context.RowRead("shapes");
            var id = csv.Get("shape_id");
            if (id is null)
            {
                Reject(csv, "shapes", "shape_id", "shape_id が空です。");
                continue;
            }

            if (!GtfsValues.TryLatitude(csv.Get("shape_pt_lat"), out var lat) || !GtfsValues.TryLongitude(csv.Get("shape_pt_lon"), out var lon))
            {
                Reject(csv, "shapes", "shape_pt_lat", "形状点の緯度・経度が正しくありません。", $"{csv.Get("shape_pt_lat")},{csv.Get("shape_pt_lon")}");
                continue;
            }

            if (!GtfsValues.TryInt(csv.Get("shape_pt_sequence"), out var sequence) || sequence < 0 || !seen.Add((id, sequence)))
            {
                Reject(csv, "shapes", "shape_pt_sequence", "shape_pt_sequence は 0 以上の整数で、形状ごとに重複しません。", csv.Get("shape_pt_sequence"));
                continue;
            }

            shapes.Add(id);
            yield return [Key(id), sequence, lat, lon, Distance(csv), FeedKey, context.BatchId];
        }
    }

    private IEnumerable<object?[]> Trips(CsvSource csv)
    {
        while (csv.Read())
        {
            context.RowRead("trips");
            var id = csv.Get("trip_id");
            if (id is null || trips.Contains(id))
            {
                Reject(csv, "trips", "trip_id", "trip_id が空か、重複しています。", id);
                continue;
            }

            var route = csv.Get("route_id");
            if (route is null || !routes.Contains(route))
            {
                Reject(csv, "trips", "route_id", "routes.txt にない route_id です。", route);
                continue;
            }

            var service = csv.Get("service_id");
            if (service is null || !services.Contains(service))
            {
                Reject(csv, "trips", "service_id", "calendar.txt・calendar_dates.txt にない service_id です。", service);
                continue;
            }

            short? direction = null;
            if (csv.Get("direction_id") is { } d)
            {
                if (d is not ("0" or "1"))
                {
                    Reject(csv, "trips", "direction_id", "direction_id は 0 か 1 です。", d);
                    continue;
                }

                direction = d == "1" ? (short)1 : (short)0;
            }

            var shape = csv.Get("shape_id");
            if (shape is not null && archive.FileOf("shapes") is not null && !shapes.Contains(shape))
            {
                Reject(csv, "trips", "shape_id", "shapes.txt にない shape_id です。", shape);
                continue;
            }

            var office = csv.Get("jp_office_id");
            if (office is not null && !offices.Contains(office))
            {
                Reject(csv, "trips", "jp_office_id", "office_jp.txt にない jp_office_id です。", office);
                continue;
            }

            trips.Add(id);
            yield return
            [
                Key(id), FeedKey, id, Key(route), Key(service), csv.Get("trip_headsign"), csv.Get("trip_short_name"), direction,
                csv.Get("block_id"), shape is null ? null : Key(shape), office is null ? null : Key(office), context.BatchId,
            ];
        }
    }

    private IEnumerable<object?[]> StopTimes(CsvSource csv)
    {
        var seen = new HashSet<(string, int)>();
        while (csv.Read())
        {
            context.RowRead("stop_times");
            var trip = csv.Get("trip_id");
            if (trip is null || !trips.Contains(trip))
            {
                Reject(csv, "stop_times", "trip_id", "trips.txt にない trip_id です。", trip);
                continue;
            }

            var stop = csv.Get("stop_id");
            if (stop is null || !stops.Contains(stop))
            {
                Reject(csv, "stop_times", "stop_id", "stops.txt にない stop_id です。", stop);
                continue;
            }

            if (!GtfsValues.TryInt(csv.Get("stop_sequence"), out var sequence) || sequence < 0 || !seen.Add((trip, sequence)))
            {
                Reject(csv, "stop_times", "stop_sequence", "stop_sequence は 0 以上の整数で、便ごとに重複しません。", csv.Get("stop_sequence"));
                continue;
            }

            var arrivalText = csv.Get("arrival_time");
            var departureText = csv.Get("departure_time");
            var arrival = GtfsValues.ParseSeconds(arrivalText);
            var departure = GtfsValues.ParseSeconds(departureText);
            if ((arrivalText is not null && arrival is null) || (departureText is not null && departure is null))
            {
                Reject(csv, "stop_times", arrival is null ? "arrival_time" : "departure_time", "時刻は H:MM:SS です（24時以降は 25:10:00 のように）。", arrivalText ?? departureText);
                continue;
            }

            yield return
            [
                Key(trip), sequence, Key(stop), arrival, departure, csv.Get("stop_headsign"), SmallInt(csv.Get("pickup_type")),
                SmallInt(csv.Get("drop_off_type")), Distance(csv), FeedKey, context.BatchId,
            ];
        }
    }

    private static short? SmallInt(string? value) => GtfsValues.TryInt(value, out var n) && n is >= 0 and <= 3 ? (short)n : null;

    private static double? Distance(CsvSource csv) => GtfsValues.TryDouble(csv.Get("shape_dist_traveled"), out var d) ? d : null;
}
