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
/// <c>bench vitals [--scale tiny|demo|city] [--work folder]</c>: writes the synthetic register and health sources at that
/// scale, imports the districts, residents and consent into a fresh DuckDB warehouse, then times the PHR vitals import
/// (FHIR R4 NDJSON) through the very pipeline <c>etl import vitals</c> uses, and DuckDB's own reader
/// (<c>CREATE TABLE … AS SELECT * FROM read_json(…)</c>) on the same file, in the same run. The target (DESIGN.md §7)
/// is the importer within 2× of DuckDB's reader. A benchmark, not a test: it prints figures.
/// </summary>
internal static class BenchVitalsCommand
{
    private const string ReadJsonSql = "CREATE TABLE baseline AS SELECT * FROM read_json($path, format = 'newline_delimited')";
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

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

        string[] benchArgs = [.. configurationArgs, "--Warehouse:Provider=DuckDb", $"--Warehouse:DataDirectory={warehouseFolder}"];
        Measured? ours = null;
        var exitCode = await CliHost.RunAsync(benchArgs, async (services, token) =>
        {
            ours = await ImportAsync(services, sources, file, token);
            return ours is null ? 1 : 0;
        }, cancellationToken);
        if (exitCode != 0 || ours is null)
        {
            return 1;
        }

        var theirs = await ReadJsonAsync(baselineFile, file, cancellationToken);
        Report(scale, bytes, ours, theirs);
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

    private static async Task<Measured> ReadJsonAsync(string databaseFile, string file, CancellationToken cancellationToken)
    {
        DeleteIfPresent(databaseFile);
        await using var connection = new DuckDBConnection($"Data Source={databaseFile}");
        await connection.OpenAsync(cancellationToken);
        await using var create = connection.CreateCommand();
        create.CommandText = ReadJsonSql;
        create.Parameters.Add(new DuckDBParameter("path", file));
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        await create.ExecuteNonQueryAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = CpuSeconds() - cpu;
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM baseline";
        var rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        Console.WriteLine($"  read_json {Path.GetFileName(file)}: {seconds:F2} s");
        await connection.CloseAsync();
        DeleteIfPresent(databaseFile);
        return new Measured(rows, seconds, cpuSeconds, "Observations in the table");
    }

    private static void Report(SeedScale scale, long bytes, Measured ours, Measured theirs)
    {
        var table = new Table().AddColumns("", "Observations", "seconds", "rows/s", "MB/s", "CPU s", "note");
        foreach (var (name, m) in new[] { ("workbench etl import vitals", ours), ("DuckDB read_json (CREATE TABLE AS)", theirs) })
        {
            table.AddRow(name, m.Rows.ToString("N0", Japanese), m.Seconds.ToString("F2", Japanese), m.RowsPerSecond.ToString("N0", Japanese),
                (bytes / 1e6 / m.Seconds).ToString("N0", Japanese), m.CpuSeconds.ToString("F1", Japanese), Markup.Escape(m.Note));
        }

        AnsiConsole.Write(table);
        var ratio = ours.Seconds / theirs.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale {scale}: importer {ours.RowsPerSecond:N0} Observations/s, read_json {theirs.RowsPerSecond:N0} rows/s, ratio {ratio:F2}× (target ≤ 2×) — {(ratio <= 2 ? "within target" : "OVER target")}; CPU time ratio {ours.CpuSeconds / theirs.CpuSeconds:F2}×"));
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
