using System.Globalization;
using System.Text;

namespace Workbench.Data.Synthetic.TransitWaste;

/// <summary>
/// Writes a GTFS-ride <c>board_alight.txt</c>: every stop visit of every trip that ran on each day. Boardings are Poisson
/// with a rate from the stop's 町丁 population (the square root, so a dense 町丁 does not swamp the line), the hour
/// (school and work peaks), 土日祝 (fewer) and the month (August holidays, winter); riders alight in proportion to the
/// weight of the stops still ahead, and everyone leaves at the last stop. Each day has its own random stream.
/// </summary>
internal sealed class BoardingsWriter(Determinism determinism)
{
    private static readonly double[] MonthFactor = [0, 0.92, 0.90, 1.05, 1.00, 1.00, 1.00, 0.98, 0.82, 1.00, 1.02, 1.00, 0.95];

    public long Visits { get; private set; }

    public long Boardings { get; private set; }

    public void Write(GongoNetwork network, DateOnly first, DateOnly last, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, CsvFile.Utf8NoBom, 1 << 20) { NewLine = "\n" };
        writer.Write("trip_id,stop_id,stop_sequence,record_use,boardings,alightings,current_load,service_date,service_arrival_time,service_departure_time\n");
        var line = new StringBuilder(128);
        foreach (var date in ServiceDays.Range(first, last))
        {
            var service = ServiceDays.Weekday(date) ? GongoNetwork.WeekdayService : ServiceDays.WeekendOrHoliday(date) ? GongoNetwork.HolidayService : null;
            if (service is null)
            {
                continue;
            }

            var random = determinism.Stream("boardings/" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            var dateText = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var dayFactor = MonthFactor[date.Month] * (service == GongoNetwork.WeekdayService ? 1.0 : 0.55);
            foreach (var trip in network.Trips)
            {
                if (trip.ServiceId != service)
                {
                    continue;
                }

                var stops = trip.Stops;
                var offsets = trip.Offsets.ToArray();
                var ahead = new double[stops.Count + 1];
                for (var i = stops.Count - 1; i >= 0; i--)
                {
                    ahead[i] = ahead[i + 1] + stops[i].Weight;
                }

                var load = 0;
                for (var i = 0; i < stops.Count; i++)
                {
                    var minute = trip.DepartureMinute + offsets[i];
                    var final = i == stops.Count - 1;
                    var alight = final ? load : random.Binomial(load, stops[i].Weight / ahead[i]);
                    var board = final ? 0 : random.Poisson(0.55 * stops[i].Weight * HourFactor(minute / 60, trip.Outbound) * dayFactor);
                    load += board - alight;
                    Boardings += board;
                    Visits++;
                    var time = GtfsJpWriter.Time(minute);
                    line.Clear().Append(trip.Id).Append(',').Append(stops[i].Id).Append(',').Append(i + 1).Append(",0,")
                        .Append(board).Append(',').Append(alight).Append(',').Append(load).Append(',').Append(dateText).Append(',')
                        .Append(time).Append(',').Append(time).Append('\n');
                    writer.Write(line);
                }
            }
        }
    }

    /// <summary>Morning trips into town and evening trips out of it are the busy ones.</summary>
    private static double HourFactor(int hour, bool outbound) => hour switch
    {
        < 7 => 0.6,
        7 => outbound ? 1.2 : 2.2,
        8 => outbound ? 1.0 : 1.6,
        >= 9 and < 16 => 0.9,
        16 or 17 => outbound ? 1.7 : 1.0,
        _ => 0.6,
    };
}
