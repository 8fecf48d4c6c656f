using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Workbench.Data.Learning.Board;
using Workbench.Data.Synthetic;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Features.Reports.Learning;

namespace Workbench.Cli;

/// <summary>
/// <c>bench report [--scale demo] [--runs 3]</c>: seeds a synthetic Tsuyama into a temporary warehouse, then makes the
/// 学習状況レポート for its 年度 several times and prints the seconds each took (DESIGN §7: under 3 s for a 20-page
/// report). The first run includes the one-off costs (fonts, JIT); later runs are what a running workbench pays.
/// </summary>
internal static class ReportBenchCommand
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static Command Create(string[] configurationArgs)
    {
        var scale = new Option<SeedScale>("--scale") { Description = "tiny, demo, city", DefaultValueFactory = _ => SeedScale.Demo };
        var runs = new Option<int>("--runs") { Description = "作成する回数 / runs", DefaultValueFactory = _ => 3 };
        var command = new Command("report", "学習状況レポートの作成時間を計測します / Time the board's PDF report") { scale, runs };
        command.SetAction(async (parse, ct) =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "workbench-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                string[] args = [.. configurationArgs, $"--Warehouse:Provider=DuckDb", $"--Warehouse:DataDirectory={folder}"];
                return await CliHost.RunAsync(args, WorkbenchRoles.BoardOfEducation, (services, caller, token) =>
                    RunAsync(services, caller, parse.GetValue(scale), Math.Max(1, parse.GetValue(runs)), token), ct);
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, Caller caller, SeedScale scale, int runs, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<WarehouseStartup>().PrepareAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<SyntheticSeeder>().SeedAsync(scale, null, cancellationToken);
        Console.WriteLine(string.Create(Japanese, $"seed {scale}: {clock.Elapsed.TotalSeconds:0.0} s"));

        var statistics = services.GetRequiredService<BoardStatistics>();
        var year = (await statistics.FiscalYearsAsync(cancellationToken))[0];
        var request = new BoardRequest(new BoardPeriod(year));
        var reports = services.GetRequiredService<LearningReportService>();
        var seconds = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var run = 1; run <= runs; run++)
        {
            var queries = Stopwatch.StartNew();
            await statistics.OverviewAsync(caller, request, cancellationToken);
            var queryTime = queries.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var file = await reports.CreateAsync(caller, request, cancellationToken);
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            seconds.Add(file.Elapsed.TotalSeconds);

            // CPU seconds say what the report costs when other processes share the two cores.
            Console.WriteLine(string.Create(
                Japanese,
                $"report learning {request.Period.Label} run {run}: {file.Elapsed.TotalSeconds:0.00} s ({cpu:0.00} s CPU), {file.Pages} pages, {file.Content.Length / 1024.0:N0} KB; queries alone {queryTime:0.00} s"));
        }

        var warm = seconds.Count > 1 ? seconds.Skip(1).Order().ElementAt((seconds.Count - 1) / 2) : seconds[0];
        Console.WriteLine(string.Create(Japanese, $"first {seconds[0]:0.00} s, warm median {warm:0.00} s (target < 3 s); load average {BenchFigures.LoadAverage()}"));
        return 0;
    }
}
