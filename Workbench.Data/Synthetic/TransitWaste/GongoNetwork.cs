using System.Globalization;

namespace Workbench.Data.Synthetic.TransitWaste;

internal sealed record BusStop(string Id, string Name, double Longitude, double Latitude, double Weight, string? ChomeCode);

internal sealed record BusRoute(string Id, string ShortName, string LongName, bool IsLoop, IReadOnlyList<BusStop> Stops, IReadOnlyList<int> MinutesFromStart)
{
    public string Origin => Stops[0].Name;

    public string Destination => Stops[^1].Name;
}

/// <summary>One scheduled trip: a route in one direction leaving at a time on 平日 or 土日祝 service.</summary>
internal sealed record BusTrip(string Id, BusRoute Route, bool Outbound, string ServiceId, int DepartureMinute)
{
    public IReadOnlyList<BusStop> Stops => Outbound ? Route.Stops : [.. Route.Stops.Reverse()];

    /// <summary>Minutes after the departure at each stop, in this trip's direction.</summary>
    public IEnumerable<int> Offsets => Outbound ? Route.MinutesFromStart : Route.MinutesFromStart.Reverse().Select(m => Route.MinutesFromStart[^1] - m);
}

/// <summary>
/// A ごんごバス-like network built from the 町丁 facts: three loops from 津山駅 through the dense 町丁 of 旧津山市 (east,
/// north and west of the station) and three branch lines out to 久米, 勝北 and 加茂, each calling at the most populous
/// 町丁 of its 地域 in order of distance. Stops stand at 町丁 representative points; run times assume 20 km/h on roads a
/// third longer than the straight line.
/// </summary>
internal sealed class GongoNetwork
{
    public const string WeekdayService = "平日";
    public const string HolidayService = "土日祝";
    public const double StationLongitude = 134.0046;
    public const double StationLatitude = 35.0553;

    private static readonly int[] LoopWeekday = [.. Enumerable.Range(7, 13).Select(h => h * 60)];
    private static readonly int[] LoopHoliday = [.. Enumerable.Range(8, 10).Select(h => h * 60)];
    private static readonly int[] BranchWeekday = [400, 490, 610, 730, 850, 970, 1060, 1140];
    private static readonly int[] BranchHoliday = [490, 610, 730, 850, 970];

    private GongoNetwork(BusStop station, IReadOnlyList<BusRoute> routes)
    {
        Station = station;
        Routes = routes;
        Stops = [.. routes.SelectMany(r => r.Stops).DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal)];
        Trips = [.. routes.SelectMany(TripsOf)];
    }

    public BusStop Station { get; }

    public IReadOnlyList<BusRoute> Routes { get; }

    public IReadOnlyList<BusStop> Stops { get; }

    public IReadOnlyList<BusTrip> Trips { get; }

    public static GongoNetwork Build(IReadOnlyList<ChomeFact> chome)
    {
        var meanRoot = chome.Where(c => c.Population > 0).Average(c => Math.Sqrt(c.Population));
        var station = new BusStop("1000", "津山駅", StationLongitude, StationLatitude, 6.0, null);
        BusStop StopAt(ChomeFact c) => new(c.Code, c.Name, c.Longitude, c.Latitude, Math.Sqrt(c.Population) / meanRoot, c.Code);

        var urban = chome.Where(c => c.AreaCode == "tsuyama" && c.Population > 0 && Km(c) is > 0.4 and < 4.5).ToList();
        var routes = new List<BusRoute>
        {
            Loop("1", "東循環", "津山駅東循環線", urban.Where(c => Bearing(c) is >= -60 and < 60)),
            Loop("2", "北循環", "津山駅北循環線", urban.Where(c => Bearing(c) is >= 60 and < 180)),
            Loop("3", "西循環", "津山駅西循環線", urban.Where(c => Bearing(c) is >= -180 and < -60)),
            Branch("4", "久米線", "久米線（津山駅〜久米）", "kume"),
            Branch("5", "勝北線", "勝北線（津山駅〜勝北）", "shohoku"),
            Branch("6", "加茂線", "加茂線（津山駅〜加茂）", "kamo"),
        };
        return new GongoNetwork(station, routes);

        BusRoute Loop(string id, string shortName, string longName, IEnumerable<ChomeFact> sector)
        {
            var stops = sector.OrderByDescending(c => c.Population).ThenBy(c => c.Code, StringComparer.Ordinal).Take(14)
                .OrderBy(Bearing).Select(StopAt).ToList();
            return Timed(id, shortName, longName, true, [station, .. stops, station]);
        }

        BusRoute Branch(string id, string shortName, string longName, string area)
        {
            var inArea = chome.Where(c => c.AreaCode == area && c.Population > 0).ToList();
            var (cx, cy) = (inArea.Average(c => c.Longitude), inArea.Average(c => c.Latitude));
            var far = inArea.OrderByDescending(c => c.Population).ThenBy(c => c.Code, StringComparer.Ordinal).Take(11).ToList();
            var reach = Km(cx, cy);

            // Two stops on the way out of town: the populous 町丁 of 旧津山市 closest to the line towards the 地域.
            var onTheWay = chome.Where(c => c.AreaCode == "tsuyama" && c.Population > 300 && Km(c) is > 1.0 && Km(c) < reach * 0.6)
                .OrderBy(c => OffLine(c, cx, cy)).ThenBy(c => c.Code, StringComparer.Ordinal).Take(2);
            var stops = onTheWay.Concat(far).DistinctBy(c => c.Code).OrderBy(Km).Select(StopAt).ToList();
            return Timed(id, shortName, longName, false, [station, .. stops]);
        }
    }

    private static BusRoute Timed(string id, string shortName, string longName, bool loop, List<BusStop> stops)
    {
        var minutes = new List<int> { 0 };
        for (var i = 1; i < stops.Count; i++)
        {
            var km = Distance(stops[i - 1].Longitude, stops[i - 1].Latitude, stops[i].Longitude, stops[i].Latitude) * 1.33;
            minutes.Add(minutes[^1] + Math.Max(1, (int)Math.Round((km / 20.0 * 60) + 0.5)));
        }

        return new BusRoute(id, shortName, longName, loop, stops, minutes);
    }

    private static IEnumerable<BusTrip> TripsOf(BusRoute route)
    {
        foreach (var (service, times) in new[] { (WeekdayService, route.IsLoop ? LoopWeekday : BranchWeekday), (HolidayService, route.IsLoop ? LoopHoliday : BranchHoliday) })
        {
            foreach (var outbound in route.IsLoop ? [true] : new[] { true, false })
            {
                foreach (var time in times)
                {
                    // Inbound trips leave the far end earlier, so that the morning trips reach 津山駅 for school and work.
                    var departure = outbound ? time : Math.Max(360, time - 40);
                    var id = string.Create(CultureInfo.InvariantCulture, $"{route.Id}_{(service == WeekdayService ? "wd" : "ho")}_{(outbound ? "out" : "in")}_{departure / 60:00}{departure % 60:00}");
                    yield return new BusTrip(id, route, outbound, service, departure);
                }
            }
        }
    }

    private static double Km(ChomeFact c) => Km(c.Longitude, c.Latitude);

    private static double Km(double lon, double lat) => Distance(StationLongitude, StationLatitude, lon, lat);

    /// <summary>Degrees anticlockwise from east, seen from the station.</summary>
    private static double Bearing(ChomeFact c) =>
        Math.Atan2((c.Latitude - StationLatitude) * 110.574, (c.Longitude - StationLongitude) * 91.2) * 180 / Math.PI;

    /// <summary>Distance of a 町丁 from the straight line station → (lon, lat), in km.</summary>
    private static double OffLine(ChomeFact c, double lon, double lat)
    {
        var (ax, ay) = ((lon - StationLongitude) * 91.2, (lat - StationLatitude) * 110.574);
        var (px, py) = ((c.Longitude - StationLongitude) * 91.2, (c.Latitude - StationLatitude) * 110.574);
        return Math.Abs((ax * py) - (ay * px)) / Math.Sqrt((ax * ax) + (ay * ay));
    }

    public static double Distance(double lon1, double lat1, double lon2, double lat2) =>
        Math.Sqrt(Math.Pow((lon2 - lon1) * 91.2, 2) + Math.Pow((lat2 - lat1) * 110.574, 2));
}
