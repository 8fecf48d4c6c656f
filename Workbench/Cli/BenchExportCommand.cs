using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Workbench.Data.Export;

namespace Workbench.Cli;

/// <summary>
/// <c>bench export --rows 100000</c>: writes a workbook of synthetic class-overview rows through the same writer the
/// download endpoint uses and prints seconds, rows/s, file size and peak memory. The target is 100,000 rows under 5 s.
/// </summary>
internal static class BenchExportCommand
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    private sealed record BenchRow(string School, string Class, string Kana, string Note, long Statements, double Attendance, DateOnly Since, DateTime LastSeen, decimal Mean);

    private static readonly ExportColumn<BenchRow>[] Columns =
    [
        new("学校", r => r.School),
        new("学級", r => r.Class),
        new("ふりがな", r => r.Kana),
        new("メモ", r => r.Note),
        new("学習回数", r => r.Statements, ExportColumnKind.Integer),
        new("出席率", r => r.Attendance, ExportColumnKind.Percent),
        new("在籍開始", r => r.Since, ExportColumnKind.Date),
        new("最終学習", r => r.LastSeen, ExportColumnKind.DateTime),
        new("平均得点", r => r.Mean, ExportColumnKind.Decimal),
    ];

    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "行数 / rows", DefaultValueFactory = _ => 100_000 };
        var output = new Option<string?>("--out") { Description = "出力ファイル（省略時は一時ファイル）/ output file (a temp file by default)" };
        var export = new Command("export", "Excel 出力の速度 / Excel export speed") { rows, output };
        export.SetAction((parse, ct) => RunAsync(parse.GetValue(rows), parse.GetValue(output), ct));
        return export;
    }

    private static async Task<int> RunAsync(int rows, string? output, CancellationToken cancellationToken)
    {
        var path = output ?? Path.Combine(Path.GetTempPath(), $"workbench-bench-{Guid.NewGuid():N}.xlsx");
        var metadata = new ExportMetadata("ベンチマーク", [new ExportFilter("行数", rows.ToString("N0", Japanese))], DateTimeOffset.UtcNow, Environment.UserName);
        var clock = Stopwatch.StartNew();
        long written;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            written = await XlsxWorkbookWriter.WriteAsync(file, Columns, Rows(rows), metadata, cancellationToken);
        }

        clock.Stop();
        var size = new FileInfo(path).Length;
        if (output is null)
        {
            File.Delete(path);
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(Japanese,
            $"export: {written:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s = {written / clock.Elapsed.TotalSeconds:N0} rows/s; "
            + $"{size / 1e6:0.0} MB; peak working set {process.PeakWorkingSet64 / 1e6:N0} MB; target 100,000 rows < 5 s"));
        return 0;
    }

    /// <summary>Rows that look like a class overview: Japanese names, numbers, dates, now and then a formula-looking note.</summary>
    private static IEnumerable<BenchRow> Rows(int count)
    {
        var random = new Random(20251125);
        var start = new DateTime(2025, 4, 7, 8, 30, 0);
        for (var i = 0; i < count; i++)
        {
            yield return new BenchRow(
                $"津山市立第{(i % 27) + 1}小学校",
                $"{(i % 6) + 1}年{(i % 3) + 1}組",
                $"つやま たろう{i % 40}",
                i % 50 == 0 ? "=要確認" : "",
                random.Next(0, 500),
                random.NextDouble(),
                DateOnly.FromDateTime(start).AddDays(i % 200),
                start.AddMinutes(i),
                Math.Round((decimal)(random.NextDouble() * 100), 2));
        }
    }
}
