using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Spectre.Console;
using Workbench.Data.Etl;
using Workbench.Data.Synthetic;
using Workbench.Data.Synthetic.TransitWaste;
using Workbench.Data.Warehouse;

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
    private const string ReadCsvSql = "CREATE TABLE baseline AS SELECT * FROM read_csv($path)";
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

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

        string[] benchArgs = [.. configurationArgs, "--Warehouse:Provider=DuckDb", $"--Warehouse:DataDirectory={warehouseFolder}"];
        Measured? ours = null;
        var exitCode = await CliHost.RunAsync(benchArgs, async (services, token) =>
        {
            ours = await ImportAsync(services, sources, token);
            return ours is null ? 1 : 0;
        }, cancellationToken);
        if (exitCode != 0 || ours is null)
        {
            return 1;
        }

        var theirs = await ReadCsvAsync(baselineFile, sources.BoardAlightFile, cancellationToken);
        Report(scale, bytes, ours, theirs);
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

    private static async Task<Measured> ReadCsvAsync(string databaseFile, string file, CancellationToken cancellationToken)
    {
        await using var connection = new DuckDBConnection($"Data Source={databaseFile}");
        await connection.OpenAsync(cancellationToken);
        await using var create = connection.CreateCommand();
        create.CommandText = ReadCsvSql;
        create.Parameters.Add(new DuckDBParameter("path", file));
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        await create.ExecuteNonQueryAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = CpuSeconds() - cpu;
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM baseline";
        var rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await connection.CloseAsync();
        DeleteIfPresent(databaseFile);
        return new Measured(rows, seconds, cpuSeconds, "rows in the table");
    }

    private static void Report(SeedScale scale, long bytes, Measured ours, Measured theirs)
    {
        var table = new Table().AddColumns("", "rows", "seconds", "rows/s", "MB/s", "CPU s", "note");
        foreach (var (name, m) in new[] { ("workbench etl import board-alight", ours), ("DuckDB read_csv (CREATE TABLE AS)", theirs) })
        {
            table.AddRow(name, m.Rows.ToString("N0", Japanese), m.Seconds.ToString("F2", Japanese), m.RowsPerSecond.ToString("N0", Japanese),
                (bytes / 1e6 / m.Seconds).ToString("N0", Japanese), m.CpuSeconds.ToString("F1", Japanese), Markup.Escape(m.Note));
        }

        AnsiConsole.Write(table);
        var ratio = ours.Seconds / theirs.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale {scale}: importer {ours.RowsPerSecond:N0} rows/s, read_csv {theirs.RowsPerSecond:N0} rows/s, ratio {ratio:F2}× (target ≤ 2×) — {(ratio <= 2 ? "within target" : "OVER target")}; CPU time ratio {ours.CpuSeconds / theirs.CpuSeconds:F2}×"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, load average {LoadAverage()}; peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB"));
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void DeleteIfPresent(params string[] paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            foreach (var file in new[] { path, path + ".wal" })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private sealed record Measured(long Rows, double Seconds, double CpuSeconds, string Note)
    {
        public double RowsPerSecond => Rows / Seconds;
    }
}
