using System.Globalization;

namespace Workbench.Data.Synthetic.TransitWaste;

/// <summary>
/// Where the generator puts the transit and waste sources under its output folder, and the work that writes them. Kept
/// apart from <see cref="GeneratedSources"/> so the paths follow from the root alone.
/// </summary>
public sealed record TransitWasteSources(string GtfsZip, string BoardAlightFile, string DemandTaxiFile, string WeighingsFile, string BulkyWasteFile)
{
    public static TransitWasteSources Under(string root) => new(
        Path.Combine(root, "transit", "gongo-bus-gtfs-jp.zip"),
        Path.Combine(root, "transit", "board_alight.txt"),
        Path.Combine(root, "transit", "demand-taxi.csv"),
        Path.Combine(root, "waste", "weighings.csv"),
        Path.Combine(root, "waste", "bulky-waste.csv"));

    /// <summary>The kinds and files in import order (the feed before its boardings), for the seeder.</summary>
    public IEnumerable<(string Kind, string Path)> ImportOrder()
    {
        yield return ("gtfs", GtfsZip);
        yield return ("board-alight", BoardAlightFile);
        yield return ("demand-taxi", DemandTaxiFile);
        yield return ("waste-weighing", WeighingsFile);
        yield return ("bulky-waste", BulkyWasteFile);
    }

    /// <summary>
    /// The writing work: the whole network always; boardings, taxi and waste over the plan's 年度 (tiny: the first two
    /// weeks of April only, to stay fast).
    /// </summary>
    internal IEnumerable<Action> Work(Determinism determinism, IReadOnlyList<ChomeFact> chome, SeedScale scale, IReadOnlyList<int> years, IProgress<string>? progress)
    {
        foreach (var folder in new[] { Path.GetDirectoryName(GtfsZip)!, Path.GetDirectoryName(WeighingsFile)! })
        {
            Directory.CreateDirectory(folder);
        }

        var first = new DateOnly(years[0], 4, 1);
        var last = scale == SeedScale.Tiny ? first.AddDays(13) : new DateOnly(years[^1] + 1, 3, 31);
        var network = GongoNetwork.Build(chome);
        yield return () =>
        {
            var rows = GtfsJpWriter.Write(network, first, new DateOnly(years[^1] + 1, 3, 31), GtfsZip);
            Report(progress, $"gtfs: {network.Routes.Count} routes, {rows["stops"]:N0} stops, {rows["trips"]:N0} trips, {rows["stop_times"]:N0} stop times");
            var boardings = new BoardingsWriter(determinism);
            boardings.Write(network, first, last, BoardAlightFile);
            Report(progress, $"boardings: {boardings.Visits:N0} stop visits, {boardings.Boardings:N0} boardings");
        };
        yield return () =>
        {
            var taxi = new DemandTaxiWriter(determinism).Write(chome, first, last, DemandTaxiFile);
            var waste = new WasteWriter(determinism);
            var weighings = waste.Weighings(chome, first, last, WeighingsFile);
            var bulky = waste.BulkyRequests(chome, first, last, BulkyWasteFile);
            Report(progress, $"demand taxi: {taxi:N0} trips; waste: {weighings:N0} weighings, {bulky:N0} 粗大ごみ requests");
        };
    }

    private static void Report(IProgress<string>? progress, FormattableString message) => progress?.Report(message.ToString(CultureInfo.InvariantCulture));
}

/// <summary>The transit sources alone, for benchmarks that need the boardings file without the rest of the city.</summary>
public static class TransitSourcesWriter
{
    /// <summary>Writes the GTFS-JP zip and the boardings of the scale's 年度 (five at city scale) under <paramref name="outputFolder"/>.</summary>
    public static TransitWasteSources Write(string outputFolder, SeedScale scale, int fiscalYear = 2025, int seed = 20250401, IProgress<string>? progress = null)
    {
        var facts = SyntheticFacts.Instance;
        var plan = ScalePlan.For(scale, fiscalYear, facts);
        var sources = TransitWasteSources.Under(Path.GetFullPath(outputFolder));
        sources.Work(new Determinism(seed), facts.Chome, scale, plan.Years, progress).First()();
        return sources;
    }
}
