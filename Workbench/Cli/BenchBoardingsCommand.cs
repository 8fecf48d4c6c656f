using System.CommandLine;
using System.Diagnostics;
using Workbench.Data.Etl;
using Workbench.Data.Synthetic;
using Workbench.Data.Synthetic.TransitWaste;
using Workbench.Data.Warehouse;

using static Workbench.Cli.BenchFigures;

namespace Workbench.Cli;

/// <summary>
/// <c>bench boardings [--scale tiny|demo|city] [--work folder]</c>: writes the synthetic ごんごバス feed and its GTFS-ride
/// boardings at that scale (city: five 年度), imports the feed into a fresh DuckDB warehouse, then times the boardings
/// import through the pipeline <c>etl import board-alight</c> uses, and DuckDB's own reader
/// (<c>CREATE TABLE … AS SELECT * FROM read_csv(…)</c>) on the same file, in the same run. Target (DESIGN.md §7): the
/// importer within 2× of DuckDB's reader. A benchmark, not a test: it prints figures.
/// </summary>
internal static class BenchBoardingsCommand
{
    public static Command Create(string[] configurationArgs)
    {
        var scale = new Option<SeedScale>("--scale") { Description = "tiny, demo or city", DefaultValueFactory = _ => SeedScale.City };
        var work = new Option<string?>("--work") { Description = "作業フォルダ / work folder (default: under the temp folder)" };
        var command = new Command("boardings", "乗降データの取り込みを DuckDB の read_csv と比べます / Time the boardings import against DuckDB's read_csv") { scale, work };
        command.SetAction((parse, cancellationToken) => RunAsync(configurationArgs, parse.GetValue(scale), parse.GetValue(work), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] configurationArgs, SeedScale scale, string? work, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(work ?? Path.Combine(Path.GetTempPath(), $"workbench-bench-boardings-{scale.ToString().ToLowerInvariant()}"));
        var warehouseFolder = Path.Combine(folder, "warehouse");
        var baselineFile = Path.Combine(folder, "read_csv.duckdb");
        DeleteIfPresent(warehouseFolder, baselineFile);

        Console.WriteLine($"bench boardings: {scale} → {folder} (load average {LoadAverage()})");
        var clock = Stopwatch.StartNew();
        var sources = TransitSourcesWriter.Write(Path.Combine(folder, "sources"), scale, progress: new Progress<string>(line => Console.WriteLine($"  {line}")));
        var bytes = new FileInfo(sources.BoardAlightFile).Length;
        Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F1} s: {Path.GetFileName(sources.BoardAlightFile)}, {bytes / 1e6:N0} MB");

        if (await ImportInWarehouseAsync(configurationArgs, warehouseFolder, (services, token) => ImportAsync(services, sources, token), cancellationToken) is not { } ours)
        {
            return 1;
        }

        var theirs = await BaselineAsync(baselineFile, ReadCsvSql, sources.BoardAlightFile, "rows in the table", cancellationToken);
        Report(scale, bytes, "board-alight", ours, "read_csv", theirs);
        return 0;
    }

    private static async Task<Measured?> ImportAsync(IServiceProvider services, TransitWasteSources sources, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<WarehouseStartup>().PrepareAsync(cancellationToken);
        var pipeline = services.GetRequiredService<EtlPipeline>();
        var feed = await pipeline.ImportAsync("gtfs", sources.GtfsZip, "bench", null, cancellationToken);
        Console.WriteLine($"gtfs: {feed.Message}");
        if (feed.Status != ImportStatus.Succeeded)
        {
            return null;
        }

        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var result = await pipeline.ImportAsync("board-alight", sources.BoardAlightFile, "bench", null, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  board_alight.txt: {result.Status} in {seconds:F2} s — {result.Message}");
        return result.Status == ImportStatus.Succeeded
            ? new Measured(result.RowsRead, seconds, CpuSeconds() - cpu, $"{result.RowsLoaded:N0} loaded, {result.RowsRejected:N0} rejected")
            : null;
    }
}
