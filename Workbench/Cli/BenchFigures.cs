using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Spectre.Console;
using Workbench.Data.Synthetic;

namespace Workbench.Cli;

/// <summary>
/// What the import benchmarks share: the importer run in a fresh warehouse, DuckDB's own reader timed on the same file
/// as the baseline (DESIGN.md §7: <c>CREATE TABLE … AS SELECT * FROM read_json/read_csv(…)</c>), CPU seconds, the load
/// average, and the report of both side by side with their ratio.
/// </summary>
internal static class BenchFigures
{
    // DuckDB's readers as the baseline: auto-detected schema; JSON one document per line. The path is a parameter.
    public const string ReadJsonSql = "CREATE TABLE baseline AS SELECT * FROM read_json($path, format = 'newline_delimited')";
    public const string ReadCsvSql = "CREATE TABLE baseline AS SELECT * FROM read_csv($path)";

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Other work on the machine slows both sides; the load average says how much there was.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// Runs <paramref name="import"/> against a DuckDB warehouse in <paramref name="warehouseFolder"/>, whatever the
    /// configuration says; everything else is configured as usual. Null when it failed.
    /// </summary>
    public static async Task<Measured?> ImportInWarehouseAsync(
        string[] configurationArgs, string warehouseFolder, Func<IServiceProvider, CancellationToken, Task<Measured?>> import, CancellationToken cancellationToken)
    {
        string[] benchArgs = [.. configurationArgs, "--Warehouse:Provider=DuckDb", $"--Warehouse:DataDirectory={warehouseFolder}"];
        Measured? ours = null;
        var exitCode = await CliHost.RunAsync(benchArgs, async (services, token) =>
        {
            ours = await import(services, token);
            return ours is null ? 1 : 0;
        }, cancellationToken);
        return exitCode == 0 ? ours : null;
    }

    /// <summary>Times <paramref name="createSql"/> on <paramref name="path"/> in a fresh DuckDB file, and counts the rows it made.</summary>
    public static async Task<Measured> BaselineAsync(string databaseFile, string createSql, string path, string note, CancellationToken cancellationToken)
    {
        DeleteIfPresent(databaseFile);
        await using var connection = new DuckDBConnection($"Data Source={databaseFile}");
        await connection.OpenAsync(cancellationToken);
        await using var create = connection.CreateCommand();
        create.CommandText = createSql;
        create.Parameters.Add(new DuckDBParameter("path", path));
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        await create.ExecuteNonQueryAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = CpuSeconds() - cpu;
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM baseline";
        var rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        Console.WriteLine($"  baseline {Path.GetFileName(path)}: {seconds:F2} s");
        await connection.CloseAsync();
        DeleteIfPresent(databaseFile);
        return new Measured(rows, seconds, cpuSeconds, note);
    }

    /// <param name="kind">The import kind timed, e.g. <c>xapi</c>.</param>
    /// <param name="reader">DuckDB's reader of the baseline: <c>read_json</c> or <c>read_csv</c>.</param>
    /// <param name="unit">What the importer's rows are: rows, or Observations.</param>
    public static void Report(SeedScale scale, long bytes, string kind, Measured ours, string reader, Measured theirs, string unit = "rows")
    {
        var table = new Table().AddColumns("", unit, "seconds", "rows/s", "MB/s", "CPU s", "note");
        foreach (var (name, m) in new[] { ($"workbench etl import {kind}", ours), ($"DuckDB {reader} (CREATE TABLE AS)", theirs) })
        {
            table.AddRow(name, m.Rows.ToString("N0", Japanese), m.Seconds.ToString("F2", Japanese), m.RowsPerSecond.ToString("N0", Japanese),
                (bytes / 1e6 / m.Seconds).ToString("N0", Japanese), m.CpuSeconds.ToString("F1", Japanese), Markup.Escape(m.Note));
        }

        AnsiConsole.Write(table);
        var ratio = ours.Seconds / theirs.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale {scale}: importer {ours.RowsPerSecond:N0} {unit}/s, {reader} {theirs.RowsPerSecond:N0} rows/s, ratio {ratio:F2}× (target ≤ 2×) — {(ratio <= 2 ? "within target" : "OVER target")}; CPU time ratio {ours.CpuSeconds / theirs.CpuSeconds:F2}×"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, load average {LoadAverage()}; peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB"));
    }

    public static void DeleteIfPresent(params string[] paths)
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

    public sealed record Measured(long Rows, double Seconds, double CpuSeconds, string Note)
    {
        public double RowsPerSecond => Rows / Seconds;
    }
}
