using System.Diagnostics;
using System.Globalization;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Writes a believable Tsuyama school year (or several) as source-format files — OneRoster 1.2 JP, xAPI, attendance
/// and unit-test CSV, the resident register, population by 町丁, and 町丁/district GeoJSON — for the importers to load
/// like any other delivery. Built only from the facts embedded in this assembly. The same seed and scale give
/// byte-identical files.
/// </summary>
public sealed class TsuyamaGenerator
{
    private readonly int seed;

    public TsuyamaGenerator(int seed = 20250401)
    {
        this.seed = seed;
    }

    public GeneratedSources Write(string outputFolder, SeedScale scale, int fiscalYear = 2025, IProgress<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        if (fiscalYear is < 2010 or > 2090)
        {
            throw new ArgumentOutOfRangeException(nameof(fiscalYear), fiscalYear, "The 年度 must be between 2010 and 2090.");
        }

        var clock = Stopwatch.StartNew();
        var (facts, plan, determinism, sources, health) = Prepare(outputFolder, scale, fiscalYear);
        var root = sources.Root;
        Report(progress, $"{scale}: {plan.Schools.Count} schools, 年度 {plan.Years[0]}–{plan.Years[^1]}, seed {seed}");

        var work = RegisterAndHealth(facts, plan, scale, determinism, sources, health, fiscalYear, progress);

        var roster = new RosterBuilder(determinism).Build(plan.Schools, plan.Years);
        var attendance = new AttendanceWriter(determinism);
        foreach (var year in roster.Years)
        {
            attendance.Simulate(year);
        }

        Report(progress, $"roster: {roster.Pupils.Count:N0} pupils, {roster.Teachers.Count:N0} teachers");
        work.Add(() =>
        {
            var rows = OneRosterWriter.Write(roster, sources.OneRosterFolder);
            Report(progress, $"oneroster: {rows["users"]:N0} users, {rows["classes"]:N0} classes, {rows["enrollments"]:N0} enrollments");
        });

        for (var i = 0; i < roster.Years.Count; i++)
        {
            var year = roster.Years[i];
            var (xapiFile, attendanceFile, assessmentFile) = (sources.XapiFiles[i], sources.AttendanceFiles[i], sources.AssessmentFiles[i]);
            work.Add(() =>
            {
                var xapi = new XapiWriter(determinism, plan.StatementsPerPupil);
                xapi.Write(year, xapiFile);
                Report(progress, $"xapi {year.FiscalYear}: {xapi.Statements:N0} statements ({xapi.Duplicates:N0} sent twice, {xapi.Voids:N0} voided)");
            });
            work.Add(() =>
            {
                var rows = attendance.Write(year, attendanceFile);
                Report(progress, $"attendance {year.FiscalYear}: {rows:N0} pupil-days");
            });
            work.Add(() =>
            {
                var rows = new AssessmentWriter(determinism).Write(year, assessmentFile);
                Report(progress, $"assessment {year.FiscalYear}: {rows:N0} unit tests");
            });
        }

        work.AddRange(TransitWaste.TransitWasteSources.Under(root).Work(determinism, facts.Chome, scale, plan.Years, progress));

        // Every file has its own random streams, so writing them side by side changes no byte.
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, [.. work]);
        Report(progress, $"done in {clock.Elapsed.TotalSeconds:F1} s: {root}");
        return sources;
    }

    /// <summary>
    /// Only the districts, the resident register with its population counts, and the health sources (for the health
    /// importers and the vitals benchmark, without the school years' volume). The same bytes as a full run's files.
    /// </summary>
    public GeneratedSources WriteResidentsAndHealth(string outputFolder, SeedScale scale, int fiscalYear = 2025, IProgress<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var clock = Stopwatch.StartNew();
        var (facts, plan, determinism, sources, health) = Prepare(outputFolder, scale, fiscalYear);
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            [.. RegisterAndHealth(facts, plan, scale, determinism, sources, health, fiscalYear, progress)]);
        Report(progress, $"done in {clock.Elapsed.TotalSeconds:F1} s: {sources.Root}");
        return sources;
    }

    private (SyntheticFacts Facts, ScalePlan Plan, Determinism Determinism, GeneratedSources Sources, HealthSources Health) Prepare(
        string outputFolder, SeedScale scale, int fiscalYear)
    {
        if (fiscalYear is < 2010 or > 2090)
        {
            throw new ArgumentOutOfRangeException(nameof(fiscalYear), fiscalYear, "The 年度 must be between 2010 and 2090.");
        }

        var facts = SyntheticFacts.Instance;
        var plan = ScalePlan.For(scale, fiscalYear, facts);
        var determinism = new Determinism(seed);
        var root = Path.GetFullPath(outputFolder);
        var sources = new GeneratedSources(
            root,
            Path.Combine(root, "oneroster"),
            [.. plan.Years.Select(y => Path.Combine(root, "xapi", Invariant($"statements-{y}.ndjson")))],
            [.. plan.Years.Select(y => Path.Combine(root, "attendance", Invariant($"attendance-{y}.csv")))],
            [.. plan.Years.Select(y => Path.Combine(root, "assessment", Invariant($"assessment-{y}.csv")))],
            Path.Combine(root, "population", "population.csv"),
            Path.Combine(root, "residents", "residents.csv"),
            Path.Combine(root, "districts", "districts.geojson"),
            Path.Combine(root, "districts", "chome.geojson"));
        var (healthYears, _) = HealthWriter.PlanFor(scale, plan.Years);
        var health = new HealthSources(
            Path.Combine(root, "health", "consent.csv"),
            [.. healthYears.Select(y => Path.Combine(root, "health", Invariant($"checklist-{y}.csv")))],
            [.. healthYears.Select(y => Path.Combine(root, "health", Invariant($"checkup-{y}.csv")))],
            [Path.Combine(root, "health", Invariant($"vitals-{healthYears[^1]}.ndjson"))]);
        sources = sources with
        {
            ConsentFile = health.ConsentFile, ChecklistFiles = health.ChecklistFiles, CheckupFiles = health.CheckupFiles, VitalsFiles = health.VitalsFiles,
        };
        PrepareFolders(root);
        return (facts, plan, determinism, sources, health);
    }

    /// <summary>The register (with the health sources that follow it) and the district files, as work items.</summary>
    private static List<Action> RegisterAndHealth(
        SyntheticFacts facts, ScalePlan plan, SeedScale scale, Determinism determinism, GeneratedSources sources, HealthSources health, int fiscalYear, IProgress<string>? progress)
    {
        var (healthYears, measureShare) = HealthWriter.PlanFor(scale, plan.Years);
        var residents = new ResidentsWriter(determinism);
        return
        [
            () =>
            {
                residents.Write(plan.ResidentChome, plan.Residents, new DateOnly(fiscalYear, 4, 1), sources.ResidentsFile, sources.PopulationFile);
                Report(progress, $"residents: {residents.ResidentCount:N0} in {residents.HouseholdCount:N0} households");

                // The health sources follow the register (they are about its residents).
                var writer = new HealthWriter(determinism);
                writer.Write(sources.ResidentsFile, healthYears, measureShare, health);
                Report(progress, $"health: {writer.ChecklistRows:N0} checklists, {writer.CheckupRows:N0} checkups, {writer.ConsentRows:N0} consent records, {writer.VitalsLines:N0} home vitals");
            },
            () =>
            {
                DistrictGeometry.WriteChome(facts.Chome, sources.ChomeGeoJson);
                DistrictGeometry.WriteDistricts(facts.Chome, sources.DistrictsGeoJson);
                Report(progress, $"districts: {facts.Chome.Count} 町丁 and their 中学校区");
            },
        ];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Report(IProgress<string>? progress, FormattableString message) => progress?.Report(Invariant(message));

    /// <summary>Creates the folders and removes files an earlier run left there (e.g. the other years of a city run),
    /// so that an importer scanning a folder sees only this run's files.</summary>
    private static void PrepareFolders(string root)
    {
        foreach (var (folder, pattern) in new[]
        {
            ("oneroster", "*.csv"), ("xapi", "statements-*.ndjson"), ("attendance", "attendance-*.csv"),
            ("assessment", "assessment-*.csv"), ("population", "population.csv"), ("residents", "residents.csv"),
            ("districts", "*.geojson"), ("health", "*.*"), ("transit", "*.*"), ("waste", "*.csv"),
        })
        {
            var path = Path.Combine(root, folder);
            Directory.CreateDirectory(path);
            foreach (var file in Directory.EnumerateFiles(path, pattern))
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>What each <see cref="SeedScale"/> covers.</summary>
internal sealed record ScalePlan(
    IReadOnlyList<int> Years,
    IReadOnlyList<SchoolFact> Schools,
    IReadOnlyList<ChomeFact> ResidentChome,
    int Residents,
    double StatementsPerPupil)
{
    /// <summary>Tiny: the 久米 schools 喬松小 (the smallest), 中正小 and 久米中, and the 町丁 they stand in.</summary>
    private static readonly string[] TinySchools = ["喬松小学校", "中正小学校", "久米中学校"];

    public static ScalePlan For(SeedScale scale, int fiscalYear, SyntheticFacts facts)
    {
        switch (scale)
        {
            case SeedScale.Tiny:
                var schools = facts.Schools.Where(s => TinySchools.Contains(s.Name)).ToList();
                var chome = facts.Chome
                    .Where(c => schools.Any(s => Math.Abs(s.Longitude - c.Longitude) < 1e-6 && Math.Abs(s.Latitude - c.Latitude) < 1e-6))
                    .ToList();
                return new ScalePlan([fiscalYear], schools, chome, 500, 50);
            case SeedScale.Demo:
                return new ScalePlan([fiscalYear], facts.Schools, facts.Chome, ResidentsWriter.RegisterTotal, 50);
            case SeedScale.City:
                return new ScalePlan([.. Enumerable.Range(fiscalYear - 4, 5)], facts.Schools, facts.Chome, ResidentsWriter.RegisterTotal, 270);
            default:
                throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown seed scale.");
        }
    }
}
