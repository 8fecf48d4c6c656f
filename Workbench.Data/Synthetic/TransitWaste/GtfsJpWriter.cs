using System.Globalization;
using System.IO.Compression;

namespace Workbench.Data.Synthetic.TransitWaste;

/// <summary>
/// Writes the synthetic ごんごバス as a GTFS-JP zip (標準的なバス情報フォーマット): agency and agency_jp, office_jp, stops,
/// routes and routes_jp, trips, stop_times, calendar, calendar_dates (holidays and 年末年始), shapes (stop to stop),
/// fare_attributes and fare_rules (flat 200 yen) and feed_info. Entries carry a fixed time stamp, so the same network
/// gives the same bytes.
/// </summary>
internal static class GtfsJpWriter
{
    /// <summary>A 13-digit 法人番号-shaped id for the synthetic operator (the namespace of the feed's keys).</summary>
    public const string AgencyId = "8000020332038";

    public static IReadOnlyDictionary<string, long> Write(GongoNetwork network, DateOnly start, DateOnly end, string path)
    {
        var folder = path + ".parts";
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        void File(string name, string[] header, IEnumerable<string?[]> lines)
        {
            using var csv = new CsvFile(Path.Combine(folder, name + ".txt"));
            csv.Row(header);
            foreach (var line in lines)
            {
                csv.Row(line);
            }

            rows[name] = csv.Rows - 1;
        }

        File("agency", ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang", "agency_phone"],
            [[AgencyId, "ごんごバス", "https://www.city.tsuyama.lg.jp/", "Asia/Tokyo", "ja", "0868-00-0000"]]);
        File("agency_jp", ["agency_id", "agency_official_name", "agency_zip_number", "agency_address"],
            [[AgencyId, "津山市（合成データ）", "7088501", "岡山県津山市山北520"]]);
        File("office_jp", ["office_id", "office_name", "office_phone"], [["1", "津山営業所", null]]);
        File("stops", ["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type"],
            network.Stops.Select(s => new[] { s.Id, s.Name, Coordinate(s.Latitude), Coordinate(s.Longitude), "0" }));
        File("routes", ["route_id", "agency_id", "route_short_name", "route_long_name", "route_type", "route_color", "route_text_color", "jp_parent_route_id"],
            network.Routes.Select(r => new[] { r.Id, AgencyId, r.ShortName, r.LongName, "3", "E95504", "FFFFFF", r.ShortName }));
        File("routes_jp", ["route_id", "route_update_date", "origin_stop", "via_stop", "destination_stop"],
            network.Routes.Select(r => new[] { r.Id, start.ToString("yyyyMMdd", CultureInfo.InvariantCulture), r.Origin, null, r.Destination }));
        File("trips", ["route_id", "service_id", "trip_id", "trip_headsign", "direction_id", "shape_id", "jp_office_id"],
            network.Trips.Select(t => new[] { t.Route.Id, t.ServiceId, t.Id, t.Stops[^1].Name, t.Outbound ? "0" : "1", ShapeId(t), "1" }));
        File("stop_times", ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "pickup_type", "drop_off_type"],
            network.Trips.SelectMany(t => t.Stops.Zip(t.Offsets).Select((s, i) =>
            {
                var time = Time(t.DepartureMinute + s.Second);
                return new[] { t.Id, time, time, s.First.Id, (i + 1).ToString(CultureInfo.InvariantCulture), i == t.Stops.Count - 1 ? "1" : "0", i == 0 ? "1" : "0" };
            })));
        var days = Enumerable.Repeat("1", 5).Concat(["0", "0"]).ToArray();
        File("calendar", ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date"],
        [
            [GongoNetwork.WeekdayService, .. days, Date(start), Date(end)],
            [GongoNetwork.HolidayService, "0", "0", "0", "0", "0", "1", "1", Date(start), Date(end)],
        ]);
        File("calendar_dates", ["service_id", "date", "exception_type"], ServiceDays.Range(start, end).SelectMany(CalendarDates));
        File("shapes", ["shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence"],
            network.Routes.SelectMany(r => new[] { true, false }.Where(o => o || !r.IsLoop).SelectMany(outbound =>
            {
                var stops = outbound ? r.Stops : r.Stops.Reverse().ToList();
                return stops.Select((s, i) => new[] { ShapeId(r, outbound), Coordinate(s.Latitude), Coordinate(s.Longitude), (i + 1).ToString(CultureInfo.InvariantCulture) });
            })));
        File("fare_attributes", ["fare_id", "price", "currency_type", "payment_method", "transfers"], [["flat200", "200", "JPY", "0", "0"]]);
        File("fare_rules", ["fare_id", "route_id"], network.Routes.Select(r => new[] { "flat200", r.Id }));
        File("feed_info", ["feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date", "feed_end_date", "feed_version"],
            [["津山市（合成データ）", "https://www.city.tsuyama.lg.jp/", "ja", Date(start), Date(end), Date(start)]]);

        if (System.IO.File.Exists(path))
        {
            System.IO.File.Delete(path);
        }

        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(Path.GetFileName(file), CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(start.Year, start.Month, start.Day, 0, 0, 0, TimeSpan.Zero);
                using var target = entry.Open();
                using var source = System.IO.File.OpenRead(file);
                source.CopyTo(target);
            }
        }

        Directory.Delete(folder, recursive: true);
        return rows;
    }

    private static IEnumerable<string?[]> CalendarDates(DateOnly date)
    {
        var text = Date(date);
        var weekend = ServiceDays.IsWeekend(date);
        if (ServiceDays.IsYearEnd(date))
        {
            yield return [weekend || ServiceDays.IsHoliday(date) ? GongoNetwork.HolidayService : GongoNetwork.WeekdayService, text, "2"];
        }
        else if (ServiceDays.IsHoliday(date) && !weekend)
        {
            yield return [GongoNetwork.WeekdayService, text, "2"];
            yield return [GongoNetwork.HolidayService, text, "1"];
        }
    }

    private static string ShapeId(BusTrip trip) => ShapeId(trip.Route, trip.Outbound);

    private static string ShapeId(BusRoute route, bool outbound) => route.Id + (outbound ? "_out" : "_in");

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Time(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}:00");

    private static string Coordinate(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
