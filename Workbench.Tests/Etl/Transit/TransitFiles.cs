using System.IO.Compression;
using System.Text;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl.Transit;

/// <summary>Small GTFS feeds written by the tests, and the real ones in ../shared/data/gtfs.</summary>
public static class TransitFiles
{
    public static string RealGtfs(string name) => Path.Combine(TestEnvironment.SharedData, "gtfs", name);

    /// <summary>A tiny feed: one agency, <paramref name="stops"/> stops on one route, one trip a day calling at each.</summary>
    public static Dictionary<string, string> Feed(string agencyId = "8000020332038", int stops = 4, string? extraStopTimes = null)
    {
        var stopRows = string.Concat(Enumerable.Range(1, stops).Select(i => $"{i},停留所{i},35.0{i:00},134.0{i:00}\n"));
        var timeRows = string.Concat(Enumerable.Range(1, stops).Select(i => $"T1,{8 + (i / 60)}:{i % 60:00}:00,{8 + (i / 60)}:{i % 60:00}:00,{i},{i}\n"));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["agency.txt"] = $"agency_id,agency_name,agency_url,agency_timezone\n{agencyId},ごんごバス,https://example.jp/,Asia/Tokyo\n",
            ["agency_jp.txt"] = $"agency_id,agency_official_name\n{agencyId},津山市\n",
            ["stops.txt"] = "stop_id,stop_name,stop_lat,stop_lon\n" + stopRows,
            ["routes.txt"] = $"route_id,agency_id,route_short_name,route_long_name,route_type\nR1,{agencyId},東循環,東循環線,3\n",
            ["routes_jp.txt"] = "route_id,route_update_date,origin_stop,via_stop,destination_stop\nR1,20250401,津山駅,,津山駅\n",
            ["trips.txt"] = "route_id,service_id,trip_id,trip_headsign,direction_id\nR1,平日,T1,津山駅,0\n",
            ["stop_times.txt"] = "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n" + timeRows + extraStopTimes,
            ["calendar.txt"] = "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n平日,1,1,1,1,1,0,0,20250401,20260331\n",
            ["calendar_dates.txt"] = "service_id,date,exception_type\n平日,20250505,2\n",
        };
    }

    public static string Zip(TempWarehouse warehouse, string name, IReadOnlyDictionary<string, string> files) => Zip(warehouse.Directory, name, files);

    public static string Zip(string directory, string name, IReadOnlyDictionary<string, string> files)
    {
        var path = Path.Combine(directory, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (file, content) in files)
        {
            using var writer = new StreamWriter(zip.CreateEntry(file).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        return path;
    }

    /// <summary>The data rows of a GTFS file: its non-blank lines after the header.</summary>
    public static long DataLines(string text) => text.Split('\n').Skip(1).Count(l => l.Trim().Length > 0);
}
