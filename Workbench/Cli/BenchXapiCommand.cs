using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Spectre.Console;
using Workbench.Data.Etl;
using Workbench.Data.Synthetic;
using Workbench.Data.Warehouse;

namespace Workbench.Cli;

/// <summary>
/// <c>bench xapi [--scale tiny|demo|city] [--work folder]</c>: generates the synthetic sources at that scale, imports
/// the roster into a fresh DuckDB warehouse, then times the xAPI import through the very pipeline <c>etl import</c>
/// uses, and DuckDB's own reader (<c>CREATE TABLE … AS SELECT * FROM read_json(…)</c>) on the same files. The target
/// (DESIGN.md §7) is the importer within 2× of DuckDB's reader. A benchmark, not a test: it prints figures.
/// </summary>
internal static class BenchXapiCommand
{
    // DuckDB's reader as the baseline: auto-detected schema, one statement per line. The path is a parameter.
    private const string ReadJsonSql = "CREATE TABLE baseline AS SELECT * FROM read_json($path, format = 'newline_delimited')";
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

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

        // The warehouse lives in the work folder whatever the configuration says; everything else is configured as usual.
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

        var theirs = await ReadJsonAsync(baselineFile, sources.XapiFiles, cancellationToken);
        Report(scale, bytes, ours, theirs);
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

    private static async Task<Measured> ReadJsonAsync(string databaseFile, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        long rows = 0;
        var seconds = 0.0;
        var cpuSeconds = 0.0;
        for (var i = 0; i < files.Count; i++)
        {
            // A fresh database file per xAPI file, as each import is its own batch; only the CREATE TABLE is timed.
            var file = Path.ChangeExtension(databaseFile, null) + i.ToString(CultureInfo.InvariantCulture) + ".duckdb";
            DeleteIfPresent(file);
            await using var connection = new DuckDBConnection($"Data Source={file}");
            await connection.OpenAsync(cancellationToken);
            await using var create = connection.CreateCommand();
            create.CommandText = ReadJsonSql;
            create.Parameters.Add(new DuckDBParameter("path", files[i]));
            var cpu = CpuSeconds();
            var clock = Stopwatch.StartNew();
            await create.ExecuteNonQueryAsync(cancellationToken);
            seconds += clock.Elapsed.TotalSeconds;
            cpuSeconds += CpuSeconds() - cpu;
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM baseline";
            rows += Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            Console.WriteLine($"  read_json {Path.GetFileName(files[i])}: {clock.Elapsed.TotalSeconds:F2} s");
            DeleteIfPresent(file);
        }

        return new Measured(rows, seconds, cpuSeconds, "rows in the table");
    }

    private static void Report(SeedScale scale, long bytes, Measured ours, Measured theirs)
    {
        var table = new Table().AddColumns("", "rows", "seconds", "rows/s", "MB/s", "CPU s", "note");
        foreach (var (name, m) in new[] { ("workbench etl import xapi", ours), ("DuckDB read_json (CREATE TABLE AS)", theirs) })
        {
            table.AddRow(name, m.Rows.ToString("N0", Japanese), m.Seconds.ToString("F2", Japanese), m.RowsPerSecond.ToString("N0", Japanese),
                (bytes / 1e6 / m.Seconds).ToString("N0", Japanese), m.CpuSeconds.ToString("F1", Japanese), Markup.Escape(m.Note));
        }

        AnsiConsole.Write(table);
        var ratio = ours.Seconds / theirs.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale {scale}: importer {ours.RowsPerSecond:N0} rows/s, read_json {theirs.RowsPerSecond:N0} rows/s, ratio {ratio:F2}× (target ≤ 2×) — {(ratio <= 2 ? "within target" : "OVER target")}; CPU time ratio {ours.CpuSeconds / theirs.CpuSeconds:F2}×"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, load average {LoadAverage()}; peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB"));
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Other work on the machine slows both sides; the load average says how much there was.</summary>
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
