using System.CommandLine;
using System.Diagnostics;
using Workbench.Data.Etl;
using Workbench.Data.Synthetic;
using Workbench.Data.Warehouse;

using static Workbench.Cli.BenchFigures;

namespace Workbench.Cli;

/// <summary>
/// <c>bench vitals [--scale tiny|demo|city] [--work folder]</c>: writes the synthetic register and health sources at that
/// scale, imports the districts, residents and consent into a fresh DuckDB warehouse, then times the PHR vitals import
/// (FHIR R4 NDJSON) through the very pipeline <c>etl import vitals</c> uses, and DuckDB's own reader
/// (<c>CREATE TABLE … AS SELECT * FROM read_json(…)</c>) on the same file, in the same run. The target (DESIGN.md §7)
/// is the importer within 2× of DuckDB's reader. A benchmark, not a test: it prints figures.
/// </summary>
internal static class BenchVitalsCommand
{
    public static Command Create(string[] configurationArgs)
    {
        var scale = new Option<SeedScale>("--scale") { Description = "tiny, demo or city", DefaultValueFactory = _ => SeedScale.City };
        var work = new Option<string?>("--work") { Description = "作業フォルダ / work folder (default: under the temp folder)" };
        var vitals = new Command("vitals", "PHR バイタル（FHIR）の取り込みを DuckDB の read_json と比べます / Time the FHIR vitals import against DuckDB's read_json") { scale, work };
        vitals.SetAction((parse, cancellationToken) => VitalsAsync(configurationArgs, parse.GetValue(scale), parse.GetValue(work), cancellationToken));
        return vitals;
    }

    private static async Task<int> VitalsAsync(string[] configurationArgs, SeedScale scale, string? work, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(work ?? Path.Combine(Path.GetTempPath(), $"workbench-bench-vitals-{scale.ToString().ToLowerInvariant()}"));
        var warehouseFolder = Path.Combine(folder, "warehouse");
        var baselineFile = Path.Combine(folder, "read_json.duckdb");
        DeleteIfPresent(warehouseFolder, baselineFile);

        Console.WriteLine($"bench vitals: {scale} → {folder} (load average {LoadAverage()})");
        var clock = Stopwatch.StartNew();
        var sources = new TsuyamaGenerator().WriteResidentsAndHealth(Path.Combine(folder, "sources"), scale, progress: new Progress<string>(line => Console.WriteLine($"  {line}")));
        var file = sources.VitalsFiles[0];
        var bytes = new FileInfo(file).Length;
        Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F1} s: {Path.GetFileName(file)}, {bytes / 1e6:N0} MB");

        if (await ImportInWarehouseAsync(configurationArgs, warehouseFolder, (services, token) => ImportAsync(services, sources, file, token), cancellationToken) is not { } ours)
        {
            return 1;
        }

        var theirs = await BaselineAsync(baselineFile, ReadJsonSql, file, "Observations in the table", cancellationToken);
        Report(scale, bytes, "vitals", ours, "read_json", theirs, unit: "Observations");
        return 0;
    }

    /// <returns>The import's figures, or null when a batch did not succeed.</returns>
    private static async Task<Measured?> ImportAsync(IServiceProvider services, GeneratedSources sources, string file, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<WarehouseStartup>().PrepareAsync(cancellationToken);
        var pipeline = services.GetRequiredService<EtlPipeline>();
        foreach (var (kind, path) in new[]
        {
            ("districts", sources.ChomeGeoJson), ("districts", sources.DistrictsGeoJson), ("residents", sources.ResidentsFile), ("consent", sources.ConsentFile!),
        })
        {
            var prepared = await pipeline.ImportAsync(kind, path, "bench", null, cancellationToken);
            Console.WriteLine($"{kind}: {prepared.Message}");
            if (prepared.Status != ImportStatus.Succeeded)
            {
                return null;
            }
        }

        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var result = await pipeline.ImportAsync("vitals", file, "bench", null, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {Path.GetFileName(file)}: {result.Status} in {seconds:F2} s — {result.Message}");
        return result.Status == ImportStatus.Succeeded
            ? new Measured(result.RowsRead, seconds, CpuSeconds() - cpu, $"{result.RowsLoaded:N0} readings loaded, {result.RowsRejected:N0} rejected")
            : null;
    }
}
