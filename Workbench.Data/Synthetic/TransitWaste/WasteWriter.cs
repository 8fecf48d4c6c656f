using System.Globalization;

namespace Workbench.Data.Synthetic.TransitWaste;

/// <summary>
/// Garbage-truck weighings and 粗大ごみ requests. Each 中学校区 has 可燃 collected twice a week, 資源 weekly and 不燃 and
/// 粗大 every other week; a collection brings in what its residents put out since the last one, at the national
/// 880 g per person per day in total (可燃 600, 資源 175, 不燃 65, 粗大 40) with a seasonal swing (年末 and August up,
/// February down), split into packer-truck loads of up to about 3 t. 粗大ごみ requests come from households at about
/// 3.5 % a year, more in the moving season (March–April) and before the New Year.
/// </summary>
internal sealed class WasteWriter(Determinism determinism)
{
    /// <summary>The resident register (≈ 99,994) against the 2015 census the 町丁 carry (103,746).</summary>
    private const double RegisterShare = 99_994.0 / 103_746.0;

    private static readonly double[] Season = [0, 0.95, 0.90, 1.02, 1.02, 1.05, 0.98, 1.02, 1.06, 0.97, 0.98, 0.96, 1.12];

    private static readonly (string Type, double GramsPerDay, DayOfWeek[] Days, bool EveryOtherWeek)[] Collections =
    [
        ("可燃", 600, [DayOfWeek.Monday, DayOfWeek.Thursday], false),
        ("資源", 175, [DayOfWeek.Wednesday], false),
        ("不燃", 65, [DayOfWeek.Tuesday], true),
        ("粗大", 40, [DayOfWeek.Friday], true),
    ];

    private static readonly (string Item, int Fee)[] Items =
    [
        ("ソファー", 1000), ("たんす", 1000), ("ベッド", 1000), ("自転車", 500), ("机", 500), ("電子レンジ", 500),
        ("布団", 300), ("カーペット", 300), ("椅子", 300), ("扇風機", 300),
    ];

    public long Weighings(IReadOnlyList<ChomeFact> chome, DateOnly first, DateOnly last, string path)
    {
        var districts = chome.GroupBy(c => (c.DistrictCode, c.DistrictName)).OrderBy(g => g.Key.DistrictCode, StringComparer.Ordinal).ToList();
        using var csv = new CsvFile(path);
        csv.Row("date", "truck", "route", "district", "waste_type", "kg", "ticket");
        for (var d = 0; d < districts.Count; d++)
        {
            var district = districts[d];
            var people = district.Sum(c => c.Population) * RegisterShare;
            var shortName = district.Key.DistrictName.Replace("中学校区", string.Empty, StringComparison.Ordinal);
            var random = determinism.Stream("waste/" + district.Key.DistrictCode);
            foreach (var (type, grams, days, everyOtherWeek) in Collections)
            {
                // Districts take turns through the week, so the trucks are shared out.
                var collectionDays = days.Select(w => (DayOfWeek)(((int)w - 1 + (d % 2)) % 5 + 1)).ToHashSet();
                DateOnly? previous = null;
                foreach (var date in ServiceDays.Range(first.AddDays(-14), last))
                {
                    if (!collectionDays.Contains(date.DayOfWeek) || ServiceDays.IsYearEnd(date)
                        || (everyOtherWeek && (date.DayNumber / 7) % 2 != d % 2))
                    {
                        continue;
                    }

                    if (previous is null || date < first)
                    {
                        previous = date;
                        continue;
                    }

                    // What was put out on each day since the last collection, at that day's season.
                    var seasonDays = 0.0;
                    for (var day = previous.Value.AddDays(1); day <= date; day = day.AddDays(1))
                    {
                        seasonDays += Season[day.Month];
                    }

                    previous = date;
                    var kg = people * grams / 1000.0 * seasonDays * (1 + (0.06 * random.Gaussian()));
                    var loads = Math.Max(1, (int)Math.Ceiling(kg / 3000));
                    for (var load = 0; load < loads; load++)
                    {
                        var share = kg / loads * (1 + (0.05 * random.Gaussian()));
                        csv.Row(
                            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            string.Create(CultureInfo.InvariantCulture, $"津山800あ{(d * 10) + (load % 6) + 11:00}-{(d * 7) + 21:00}"),
                            string.Create(CultureInfo.InvariantCulture, $"{shortName}-{type}-{(load % 6) + 1}"),
                            district.Key.DistrictCode, type, Math.Round(Math.Max(50, share), 1).ToString("F1", CultureInfo.InvariantCulture),
                            (load + 1).ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        return csv.Rows - 1;
    }

    public long BulkyRequests(IReadOnlyList<ChomeFact> chome, DateOnly first, DateOnly last, string path)
    {
        var places = chome.Where(c => c.Households > 0).ToList();
        var weights = RandomExtensions.Cumulative(places.Select(c => (double)c.Households));
        var perWeekday = places.Sum(c => c.Households) * 0.035 / 245;
        using var csv = new CsvFile(path);
        csv.Row("request_id", "request_date", "collection_date", "chome", "item", "quantity", "fee_yen");
        foreach (var date in ServiceDays.Range(first, last).Where(ServiceDays.Weekday))
        {
            var random = determinism.Stream("bulky/" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            var season = date.Month switch { 3 => 1.8, 4 => 1.5, 12 => 1.3, _ => 0.9 };
            var requests = random.Poisson(perWeekday * season);
            for (var i = 0; i < requests; i++)
            {
                var (item, fee) = random.Pick(Items);
                var quantity = random.NextDouble() switch { < 0.7 => 1, < 0.9 => 2, _ => 3 };
                var collection = date.AddDays(7 + random.Next(8));
                while (!ServiceDays.Weekday(collection))
                {
                    collection = collection.AddDays(1);
                }

                csv.Row(
                    string.Create(CultureInfo.InvariantCulture, $"BW{date:yyyyMMdd}-{i + 1:000}"), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    collection <= last ? collection.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    places[random.PickCumulative(weights)].Code, item, quantity.ToString(CultureInfo.InvariantCulture),
                    (fee * quantity).ToString(CultureInfo.InvariantCulture));
            }
        }

        return csv.Rows - 1;
    }
}
