using System.Globalization;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Tsuyama's population by sex and 5-year age band on the resident register in 2019 (all ages 101,486; male 48,606,
/// female 52,880; 29.9 % aged 65+). The band totals are the city's; the split of each band by sex is ours, made to
/// add up to the city's totals with the usual shape (more boys among children, more women among the old).
/// </summary>
internal static class AgePyramid
{
    /// <summary>Bands 0–4 … 95–99, 100+.</summary>
    public static readonly int[] Male = [2079, 2257, 2489, 2665, 2485, 2367, 2638, 2808, 3465, 3462, 2968, 2914, 3206, 3667, 3216, 2318, 1852, 1194, 464, 83, 9];

    public static readonly int[] Female = [1982, 2142, 2372, 2509, 2293, 2274, 2585, 2809, 3455, 3494, 3020, 3033, 3353, 3961, 3691, 2951, 2777, 2317, 1392, 406, 64];

    /// <summary>The age bands of population.csv: 0-4 … 80-84 and 85+.</summary>
    public static readonly string[] OutputBands =
    [
        "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
        "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85+",
    ];

    public static int OutputBandOf(int age) => Math.Min(age / 5, OutputBands.Length - 1);
}

/// <summary>
/// Writes residents/residents.csv and population/population.csv (counts by 町丁, sex and age band on the register's
/// reference date, 1 April of the 年度). Residents are placed in 町丁 by census population
/// scaled to the register's total, aged after <see cref="AgePyramid"/> (older in rural 町丁, younger in urban ones,
/// with the city's total unchanged) and grouped into households so that children live with an adult of parent age.
/// </summary>
internal sealed class ResidentsWriter(Determinism determinism)
{
    /// <summary>Residents on the register (2023, after the city fell below 100,000).</summary>
    public const int RegisterTotal = 99_994;

    public const int RegisterHouseholds = 45_557;

    public int ResidentCount { get; private set; }

    public int HouseholdCount { get; private set; }

    public void Write(IReadOnlyList<ChomeFact> chome, int total, DateOnly asOf, string residentsPath, string populationPath)
    {
        var people = LargestRemainder(chome.Select(c => (double)c.Population).ToArray(), total);
        var censusPeople = chome.Sum(c => c.Population);
        var censusHouseholds = chome.Sum(c => c.Households);
        var exactHouseholds = chome.Select((c, i) => c.Population == 0 ? 0 : c.Households * (people[i] / (double)c.Population)
            * (RegisterHouseholds / (double)RegisterTotal) / (censusHouseholds / (double)censusPeople)).ToArray();
        var households = LargestRemainder(exactHouseholds, (int)Math.Round(exactHouseholds.Sum()));

        var urbanPeople = chome.Where(c => c.IsUrban).Sum(c => c.Population);
        var ruralPeople = chome.Where(c => !c.IsUrban).Sum(c => c.Population);
        var urbanTable = new AgeTable(tilt: -0.12);
        var ruralTable = new AgeTable(tilt: 0.12 * urbanPeople / Math.Max(1.0, ruralPeople));

        var counts = new int[chome.Count, 2, AgePyramid.OutputBands.Length];
        var residentNumber = 0;
        var householdNumber = 0;

        using (var csv = new CsvFile(residentsPath))
        {
            csv.Row("resident_id", "chome_code", "sex", "birth_date", "household_id");
            for (var c = 0; c < chome.Count; c++)
            {
                if (people[c] == 0)
                {
                    continue;
                }

                var random = determinism.Stream("residents/" + chome[c].Code);
                var table = chome[c].IsUrban ? urbanTable : ruralTable;
                var residents = new List<(bool Male, int Age, DateOnly Birth)>(people[c]);
                for (var i = 0; i < people[c]; i++)
                {
                    var (male, age) = table.Draw(random);
                    var birth = asOf.AddYears(-age).AddDays(-random.Next(0, 365) - 1);
                    residents.Add((male, age, birth));
                    counts[c, male ? 0 : 1, AgePyramid.OutputBandOf(age)]++;
                }

                foreach (var household in FormHouseholds(random, residents, Math.Max(1, Math.Min(households[c], people[c]))))
                {
                    householdNumber++;
                    var householdId = string.Create(CultureInfo.InvariantCulture, $"H{householdNumber:D7}");
                    foreach (var member in household)
                    {
                        residentNumber++;
                        var (male, _, birth) = residents[member];
                        csv.Row(
                            string.Create(CultureInfo.InvariantCulture, $"R{residentNumber:D7}"),
                            chome[c].Code,
                            male ? "male" : "female",
                            birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            householdId);
                    }
                }
            }
        }

        ResidentCount = residentNumber;
        HouseholdCount = householdNumber;

        using var population = new CsvFile(populationPath);
        var asOfText = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        population.Row("as_of", "chome_code", "sex", "age_band", "population");
        for (var c = 0; c < chome.Count; c++)
        {
            for (var s = 0; s < 2; s++)
            {
                for (var b = 0; b < AgePyramid.OutputBands.Length; b++)
                {
                    population.Row(asOfText, chome[c].Code, s == 0 ? "male" : "female", AgePyramid.OutputBands[b], counts[c, s, b].ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    /// <summary>Splits a total over weights in whole numbers that add up exactly (largest remainder).</summary>
    public static int[] LargestRemainder(double[] weights, int total)
    {
        var sum = weights.Sum();
        var result = new int[weights.Length];
        if (sum <= 0 || total <= 0)
        {
            return result;
        }

        var exact = weights.Select(w => w * total / sum).ToArray();
        for (var i = 0; i < exact.Length; i++)
        {
            result[i] = (int)Math.Floor(exact[i]);
        }

        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take(left))
        {
            result[i]++;
        }

        return result;
    }

    /// <summary>
    /// Households: heads are drawn from the adults, children join a household whose head is of parent age, the other
    /// adults join a household whose head is near their own age (a spouse) or any other.
    /// </summary>
    private static List<List<int>> FormHouseholds(Random random, List<(bool Male, int Age, DateOnly Birth)> residents, int count)
    {
        var adults = Enumerable.Range(0, residents.Count).Where(i => residents[i].Age >= 20).ToList();
        var others = Enumerable.Range(0, residents.Count).Where(i => residents[i].Age < 20).ToList();
        if (adults.Count == 0)
        {
            adults.AddRange(others);
            others.Clear();
        }

        random.Shuffle(adults);
        count = Math.Min(count, adults.Count);
        var households = adults.Take(count).Select(head => new List<int> { head }).ToList();
        var parentAge = Enumerable.Range(0, households.Count)
            .Where(h => residents[households[h][0]].Age is >= 24 and <= 58)
            .ToList();

        foreach (var child in others)
        {
            var pool = parentAge.Count > 0 ? parentAge : Enumerable.Range(0, households.Count).ToList();
            var best = pool[random.Next(pool.Count)];
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var candidate = pool[random.Next(pool.Count)];
                var gap = residents[households[candidate][0]].Age - residents[child].Age;
                if (gap is >= 22 and <= 45)
                {
                    best = candidate;
                    break;
                }
            }

            households[best].Add(child);
        }

        foreach (var adult in adults.Skip(count))
        {
            var best = random.Next(households.Count);
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var candidate = random.Next(households.Count);
                var head = residents[households[candidate][0]];
                if (households[candidate].Count == 1 && head.Male != residents[adult].Male && Math.Abs(head.Age - residents[adult].Age) <= 8)
                {
                    best = candidate;
                    break;
                }
            }

            households[best].Add(adult);
        }

        return households;
    }

    /// <summary>Single years of age by sex with the elderly weighted by (1 + tilt).</summary>
    private sealed class AgeTable
    {
        private readonly double[] cumulative;
        private readonly (bool Male, int Age)[] cells;

        public AgeTable(double tilt)
        {
            var weights = new List<double>();
            var list = new List<(bool, int)>();
            for (var band = 0; band < AgePyramid.Male.Length; band++)
            {
                var factor = band >= 13 ? 1.0 + tilt : 1.0;
                var years = band == AgePyramid.Male.Length - 1 ? 6 : 5;
                for (var y = 0; y < years; y++)
                {
                    // Beyond 100, each year holds fewer people than the one before.
                    var share = band == AgePyramid.Male.Length - 1 ? Math.Pow(0.55, y) / 2.13 : 1.0 / 5;
                    var age = (band * 5) + y;
                    weights.Add(AgePyramid.Male[band] * share * factor);
                    list.Add((true, age));
                    weights.Add(AgePyramid.Female[band] * share * factor);
                    list.Add((false, age));
                }
            }

            cumulative = RandomExtensions.Cumulative(weights);
            cells = [.. list];
        }

        public (bool Male, int Age) Draw(Random random) => cells[random.PickCumulative(cumulative)];
    }
}
