using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Workbench.Data.Etl;
using Workbench.Data.Synthetic;
using Workbench.Data.Warehouse;

using static Workbench.Cli.BenchFigures;

namespace Workbench.Cli;

/// <summary>
/// <c>bench xapi [--scale tiny|demo|city] [--work folder]</c>: generates the synthetic sources at that scale, imports
/// the roster into a fresh DuckDB warehouse, then times the xAPI import through the very pipeline <c>etl import</c>
/// uses, and DuckDB's own reader (<c>CREATE TABLE … AS SELECT * FROM read_json(…)</c>) on the same files. The target
/// (DESIGN.md §7) is the importer within 2× of DuckDB's reader. A benchmark, not a test: it prints figures.
/// </summary>
internal static class BenchXapiCommand
{
    public static Command Create(string[] configurationArgs)
    {
        var scale = new Option<SeedScale>("--scale") { Description = "tiny, demo or city", DefaultValueFactory = _ => SeedScale.Demo };
        var work = new Option<string?>("--work") { Description = "作業フォルダ / work folder (default: under the temp folder)" };
        var xapi = new Command("xapi", "xAPI の取り込みを DuckDB の read_json と比べます / Time the xAPI import against DuckDB's read_json") { scale, work };
        xapi.SetAction((parse, cancellationToken) => XapiAsync(configurationArgs, parse.GetValue(scale), parse.GetValue(work), cancellationToken));

        return xapi;
    }

    private static async Task<int> XapiAsync(string[] configurationArgs, SeedScale scale, string? work, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(work ?? Path.Combine(Path.GetTempPath(), $"workbench-bench-xapi-{scale.ToString().ToLowerInvariant()}"));
        var warehouseFolder = Path.Combine(folder, "warehouse");
        var baselineFile = Path.Combine(folder, "read_json.duckdb");
        DeleteIfPresent(warehouseFolder, baselineFile);

        Console.WriteLine($"bench xapi: {scale} → {folder} (load average {LoadAverage()})");
        var clock = Stopwatch.StartNew();
        var sources = new TsuyamaGenerator().Write(Path.Combine(folder, "sources"), scale, progress: new Progress<string>(line => Console.WriteLine($"  {line}")));
        var bytes = sources.XapiFiles.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F1} s: {sources.XapiFiles.Count} xAPI file(s), {bytes / 1e6:N0} MB");

        if (await ImportInWarehouseAsync(configurationArgs, warehouseFolder, (services, token) => ImportAsync(services, sources, token), cancellationToken) is not { } ours)
        {
            return 1;
        }

        // A fresh database file per xAPI file, as each import is its own batch; only the CREATE TABLE is timed.
        var perFile = new List<Measured>();
        for (var i = 0; i < sources.XapiFiles.Count; i++)
        {
            var file = Path.ChangeExtension(baselineFile, null) + i.ToString(CultureInfo.InvariantCulture) + ".duckdb";
            perFile.Add(await BaselineAsync(file, ReadJsonSql, sources.XapiFiles[i], "rows in the table", cancellationToken));
        }

        var theirs = new Measured(perFile.Sum(m => m.Rows), perFile.Sum(m => m.Seconds), perFile.Sum(m => m.CpuSeconds), "rows in the table");
        Report(scale, bytes, "xapi", ours, "read_json", theirs);
        return 0;
    }

    /// <returns>The import's figures, or null when a batch did not succeed.</returns>
    private static async Task<Measured?> ImportAsync(IServiceProvider services, GeneratedSources sources, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<WarehouseStartup>().PrepareAsync(cancellationToken);
        var pipeline = services.GetRequiredService<EtlPipeline>();
        var roster = await pipeline.ImportAsync("oneroster", sources.OneRosterFolder, "bench", null, cancellationToken);
        Console.WriteLine($"roster: {roster.Message}");
        if (roster.Status != ImportStatus.Succeeded)
        {
            return null;
        }

        long read = 0, loaded = 0, rejected = 0;
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        foreach (var file in sources.XapiFiles)
        {
            var fileClock = Stopwatch.StartNew();
            var result = await pipeline.ImportAsync("xapi", file, "bench", null, cancellationToken);
            Console.WriteLine($"  {Path.GetFileName(file)}: {result.Status} in {fileClock.Elapsed.TotalSeconds:F2} s — {result.Message}");
            if (result.Status != ImportStatus.Succeeded)
            {
                return null;
            }

            (read, loaded, rejected) = (read + result.RowsRead, loaded + result.RowsLoaded, rejected + result.RowsRejected);
        }

        return new Measured(read, clock.Elapsed.TotalSeconds, CpuSeconds() - cpu, $"{loaded:N0} loaded, {rejected:N0} rejected");
    }
}
