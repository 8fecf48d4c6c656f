using System.Globalization;
using System.Text.Json;
using Workbench.Data.Synthetic;
using Workbench.Domain.Health;

namespace Workbench.Tests.Synthetic;

/// <summary>The demo-scale register and its health sources, written once for the class (a second or two).</summary>
public sealed class HealthSourcesFixture : IDisposable
{
    public HealthSourcesFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "workbench-tests", "health-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var determinism = new Determinism(20250401);
        var residents = Path.Combine(Root, "residents.csv");
        new ResidentsWriter(determinism).Write(SyntheticFacts.Instance.Chome, ResidentsWriter.RegisterTotal, new DateOnly(2025, 4, 1), residents, Path.Combine(Root, "population.csv"));
        var (years, share) = HealthWriter.PlanFor(SeedScale.Demo, [2025]);
        Years = years;
        MeasureShare = share;
        Files = new HealthSources(
            Path.Combine(Root, "consent.csv"),
            [.. years.Select(y => Path.Combine(Root, $"checklist-{y}.csv"))],
            [.. years.Select(y => Path.Combine(Root, $"checkup-{y}.csv"))],
            [Path.Combine(Root, "vitals.ndjson")]);
        new HealthWriter(determinism).Write(residents, years, share, Files);
        Residents = [.. Csv.Rows(residents)];
    }

    public string Root { get; }

    public IReadOnlyList<int> Years { get; }

    public double MeasureShare { get; }

    internal HealthSources Files { get; }

    public List<Dictionary<string, string>> Residents { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

public class HealthSeedTests(HealthSourcesFixture health) : IClassFixture<HealthSourcesFixture>
{
    private static int AgeOn(string birth, DateOnly day)
    {
        var b = DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return day.Year - b.Year - (day < b.AddYears(day.Year - b.Year) ? 1 : 0);
    }

    private static ChecklistResult Score(Dictionary<string, string> row)
    {
        var scores = new int[25];
        for (var item = 1; item <= 25; item++)
        {
            scores[item - 1] = item == 12
                ? ChecklistScoring.ScoreOfBmi(ChecklistScoring.Bmi(double.Parse(row["height_cm"], CultureInfo.InvariantCulture), double.Parse(row["weight_kg"], CultureInfo.InvariantCulture)))
                : ChecklistScoring.ScoreOfAnswer(item, row[$"q{item:D2}"] == "はい");
        }

        return ChecklistScoring.Score(scores);
    }

    [Fact]
    public void Checklists_come_from_about_six_in_ten_of_the_residents_aged_65_and_over_with_a_believable_frailty_mix()
    {
        var older = health.Residents.Count(r => AgeOn(r["birth_date"], new DateOnly(health.Years[^1], 4, 1)) >= 65);
        var rows = Csv.Rows(health.Files.ChecklistFiles[^1]).ToList();
        var bands = rows.Select(r => Score(r).Frailty).ToList();

        Assert.InRange(rows.Count / (double)older, 0.5, 0.7);
        Assert.InRange(bands.Count(b => b == FrailtyBand.Robust) / (double)rows.Count, 0.35, 0.65);
        Assert.InRange(bands.Count(b => b == FrailtyBand.Frail) / (double)rows.Count, 0.08, 0.25);
    }

    [Fact]
    public void The_same_residents_answer_worse_a_year_later_on_average()
    {
        var before = Csv.Rows(health.Files.ChecklistFiles[0]).ToDictionary(r => r["resident_id"], r => Score(r).Total);
        var after = Csv.Rows(health.Files.ChecklistFiles[^1]).Where(r => before.ContainsKey(r["resident_id"])).ToList();

        Assert.True(after.Count > 1000, $"{after.Count} residents answered both years");
        var change = after.Average(r => Score(r).Total - before[r["resident_id"]]);
        Assert.InRange(change, 0.05, 1.0);
        Assert.Contains(after, r => Score(r).Total < before[r["resident_id"]] - 2); // some get better
    }

    [Fact]
    public void Checkups_stratify_into_believable_shares_of_guidance()
    {
        var levels = Csv.Rows(health.Files.CheckupFiles[^1]).Select(r => GuidanceStratification.Stratify(new CheckupFindings
        {
            Male = r["sex"] == "男", Age = int.Parse(r["age"], CultureInfo.InvariantCulture),
            WaistCm = double.Parse(r["waist_cm"], CultureInfo.InvariantCulture), Bmi = double.Parse(r["bmi"], CultureInfo.InvariantCulture),
            Systolic = double.Parse(r["systolic"], CultureInfo.InvariantCulture), Diastolic = double.Parse(r["diastolic"], CultureInfo.InvariantCulture),
            FastingSample = r["fasting"] == "はい",
            FastingGlucose = r["fasting_glucose"].Length > 0 ? double.Parse(r["fasting_glucose"], CultureInfo.InvariantCulture) : null,
            CasualGlucose = r["casual_glucose"].Length > 0 ? double.Parse(r["casual_glucose"], CultureInfo.InvariantCulture) : null,
            HbA1c = r["hba1c"].Length > 0 ? double.Parse(r["hba1c"], CultureInfo.InvariantCulture) : null,
            Triglycerides = double.Parse(r["triglycerides"], CultureInfo.InvariantCulture), Hdl = double.Parse(r["hdl"], CultureInfo.InvariantCulture),
            Smoker = r["smoking"] == "はい", OnBloodPressureMedication = r["bp_medication"] == "1",
            OnGlucoseMedication = r["glucose_medication"] == "1", OnLipidMedication = r["lipid_medication"] == "1",
        }).Level).ToList();
        double Share(GuidanceLevel level) => levels.Count(l => l == level) / (double)levels.Count;

        Assert.InRange(levels.Count, 5000, 12000);
        Assert.InRange(Share(GuidanceLevel.Intensive), 0.02, 0.08);
        Assert.InRange(Share(GuidanceLevel.Motivational), 0.05, 0.16);
        Assert.InRange(Share(GuidanceLevel.NotEligible), 0.25, 0.55);
    }

    [Fact]
    public void A_minority_consents_some_withdraw_and_only_the_current_consenters_send_home_vitals()
    {
        var records = Csv.Rows(health.Files.ConsentFile).ToList();
        var given = records.Where(r => r["status"] == "given").Select(r => r["resident_id"]).ToHashSet();
        var withdrawn = records.Where(r => r["status"] == "withdrawn").Select(r => r["resident_id"]).ToHashSet();
        var adults = health.Residents.Count(r => AgeOn(r["birth_date"], new DateOnly(2025, 4, 1)) >= 40);

        Assert.InRange(given.Count / (double)adults, 0.02, 0.07);
        Assert.InRange(withdrawn.Count / (double)given.Count, 0.05, 0.2);
        var senders = new HashSet<string>();
        var lines = 0;
        foreach (var line in File.ReadLines(health.Files.VitalsFiles[0]))
        {
            using var json = JsonDocument.Parse(line);
            senders.Add(json.RootElement.GetProperty("subject").GetProperty("reference").GetString()!["Patient/".Length..]);
            lines++;
        }

        Assert.Subset(given.Except(withdrawn).ToHashSet(), senders);
        Assert.True(senders.Count > given.Count - withdrawn.Count - 50, "nearly every current consenter measures at home");
        Assert.InRange(lines, 100_000, 400_000);
    }

    [Fact]
    public void The_same_seed_writes_byte_identical_health_files()
    {
        var again = Path.Combine(health.Root, "again");
        Directory.CreateDirectory(again);
        var files = new HealthSources(
            Path.Combine(again, "consent.csv"),
            [.. health.Years.Select(y => Path.Combine(again, $"checklist-{y}.csv"))],
            [.. health.Years.Select(y => Path.Combine(again, $"checkup-{y}.csv"))],
            [Path.Combine(again, "vitals.ndjson")]);
        new HealthWriter(new Determinism(20250401)).Write(Path.Combine(health.Root, "residents.csv"), health.Years, health.MeasureShare, files);

        Assert.Equal(File.ReadAllBytes(health.Files.ConsentFile), File.ReadAllBytes(files.ConsentFile));
        Assert.Equal(File.ReadAllBytes(health.Files.CheckupFiles[0]), File.ReadAllBytes(files.CheckupFiles[0]));
        Assert.Equal(File.ReadAllBytes(health.Files.VitalsFiles[0]), File.ReadAllBytes(files.VitalsFiles[0]));
    }
}
