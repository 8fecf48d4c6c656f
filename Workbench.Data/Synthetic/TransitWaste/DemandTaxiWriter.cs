using System.Globalization;

namespace Workbench.Data.Synthetic.TransitWaste;

/// <summary>
/// デマンドタクシー trips from the rural 地域 (加茂, 阿波, 勝北, 久米) on weekdays: about two trips a day per 1,000
/// residents, from a 町丁 drawn by population, nearly half of them into town (the station, the hospital, the shops of
/// the densest 町丁), the rest within the 地域; mostly one passenger.
/// </summary>
internal sealed class DemandTaxiWriter(Determinism determinism)
{
    private static readonly (string Code, string Name)[] Areas = [("kamo", "加茂"), ("aba", "阿波"), ("shohoku", "勝北"), ("kume", "久米")];

    public long Write(IReadOnlyList<ChomeFact> chome, DateOnly first, DateOnly last, string path)
    {
        var town = chome.Where(c => c.IsUrban).OrderByDescending(c => c.Population).ThenBy(c => c.Code, StringComparer.Ordinal).Take(8).ToList();
        using var csv = new CsvFile(path);
        csv.Row("trip_id", "date", "time", "area", "origin", "destination", "passengers");
        foreach (var date in ServiceDays.Range(first, last).Where(ServiceDays.Weekday))
        {
            var random = determinism.Stream("demand-taxi/" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var (code, name) in Areas)
            {
                var places = chome.Where(c => c.AreaCode == code && c.Population > 0).ToList();
                var weights = RandomExtensions.Cumulative(places.Select(c => (double)c.Population));
                var trips = random.Poisson(places.Sum(c => c.Population) * 0.0019);
                var times = Enumerable.Range(0, trips).Select(_ => 480 + (10 * random.Next(52))).Order().ToList();
                for (var i = 0; i < trips; i++)
                {
                    var origin = places[random.PickCumulative(weights)];
                    var destination = random.Chance(0.45) ? random.Pick(town) : places[random.PickCumulative(weights)];
                    if (destination.Code == origin.Code)
                    {
                        destination = random.Pick(town);
                    }

                    var passengers = random.NextDouble() switch { < 0.78 => 1, < 0.96 => 2, _ => 3 };
                    csv.Row(
                        string.Create(CultureInfo.InvariantCulture, $"DT{date:yyyyMMdd}-{code}-{i + 1:000}"), dateText,
                        string.Create(CultureInfo.InvariantCulture, $"{times[i] / 60:00}:{times[i] % 60:00}"), name, origin.Code, destination.Code,
                        passengers.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        return csv.Rows - 1;
    }
}
