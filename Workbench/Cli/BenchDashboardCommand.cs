using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Workbench.Data.Access;
using Workbench.Data.Learning;
using Workbench.Data.Learning.Board;
using Workbench.Data.Status;
using Workbench.Data.Synthetic;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;

namespace Workbench.Cli;

/// <summary>
/// <c>bench dashboard [--scale city] [--runs 5]</c>: seeds a synthetic Tsuyama into a temporary warehouse and times each
/// query behind the learning pages, as the first roster teacher and as the board, beside a baseline measured in the
/// same run: the status query that counts every fact table's rows (DESIGN §7: each dashboard query under 100 ms).
/// </summary>
internal static class BenchDashboardCommand
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static Command Create(string[] configurationArgs)
    {
        var scale = new Option<SeedScale>("--scale") { Description = "tiny, demo, city", DefaultValueFactory = _ => SeedScale.Demo };
        var runs = new Option<int>("--runs") { Description = "各クエリの実行回数 / runs per query", DefaultValueFactory = _ => 5 };
        var command = new Command("dashboard", "学習ダッシュボードのクエリ時間を計測します / Time the learning dashboard queries") { scale, runs };
        command.SetAction(async (parse, ct) =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "workbench-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                string[] args = [.. configurationArgs, "--Warehouse:Provider=DuckDb", $"--Warehouse:DataDirectory={folder}"];
                return await CliHost.RunAsync(args, (services, token) =>
                    RunAsync(services, parse.GetValue(scale), Math.Max(1, parse.GetValue(runs)), token), ct);
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

    private static async Task<int> RunAsync(IServiceProvider services, SeedScale scale, int runs, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<WarehouseStartup>().PrepareAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<SyntheticSeeder>().SeedAsync(scale, null, cancellationToken);
        Console.WriteLine(string.Create(Japanese, $"seed {scale}: {clock.Elapsed.TotalSeconds:0.0} s"));

        var users = services.GetRequiredService<AppUserStore>();
        var rosterTeacher = (await users.RosterTeachersAsync(cancellationToken))[0];
        await users.CreateAsync(rosterTeacher.UserName, "ベンチ 教員", rosterTeacher.Email, null, [WorkbenchRoles.Teacher], cancellationToken);
        var teacher = new Caller(rosterTeacher.UserName, new HashSet<string>([WorkbenchRoles.Teacher], StringComparer.Ordinal));
        var board = new Caller("bench-board", new HashSet<string>([WorkbenchRoles.BoardOfEducation], StringComparer.Ordinal));

        var classes = services.GetRequiredService<ClassQueries>();
        var year = (await classes.RosterFiscalYearAsync(cancellationToken))!.Value;
        var filter = new LearningFilter(year);
        var theClass = (await classes.MyClassesAsync(teacher, year, cancellationToken))[0];
        var overview = (await services.GetRequiredService<ClassOverviewQuery>().GetAsync(teacher, filter, theClass.ClassKey, cancellationToken))!;
        var busiest = overview.Pupils.OrderByDescending(p => p.Statements).First();
        var unit = busiest.Units.Keys.First();
        Console.WriteLine(string.Create(Japanese, $"class {theClass.SchoolName} {theClass.ClassTitle}: {overview.Pupils.Count} pupils, {overview.Units.Count} units"));

        (string Name, Func<Task> Query)[] queries =
        [
            ("baseline: fact row counts", () => services.GetRequiredService<WarehouseStatusQuery>().GetAsync(cancellationToken)),
            ("my classes", () => classes.MyClassesAsync(teacher, year, cancellationToken)),
            ("class overview", () => services.GetRequiredService<ClassOverviewQuery>().GetAsync(teacher, filter, theClass.ClassKey, cancellationToken)),
            ("unit heatmap", () => services.GetRequiredService<UnitHeatmapQuery>().GetAsync(teacher, filter, theClass.ClassKey, cancellationToken)),
            ("heatmap cell attempts", () => services.GetRequiredService<PupilUnitAttemptsQuery>().GetAsync(teacher, filter, theClass.ClassKey, busiest.Pupil.PupilKey, unit, cancellationToken)),
            ("pupil profile", () => services.GetRequiredService<PupilProfileQuery>().GetAsync(teacher, filter, theClass.ClassKey, busiest.Pupil.PupilKey, cancellationToken)),
            ("early warnings", () => services.GetRequiredService<EarlyWarningQuery>().GetAsync(teacher, filter, flaggedOnly: true, cancellationToken)),
            ("board overview (all views)", () => services.GetRequiredService<BoardStatistics>().OverviewAsync(board, new BoardRequest(new BoardPeriod(year)), cancellationToken)),
        ];

        double? baseline = null;
        foreach (var (name, query) in queries)
        {
            await query(); // warm: JIT, DuckDB's caches
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                await query();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var median = times.Order().ElementAt(times.Count / 2);
            baseline ??= median;
            Console.WriteLine(string.Create(Japanese, $"{name,-28} median {median,8:0.0} ms  (×{median / baseline.Value:0.0} baseline; target < 100 ms)"));
        }

        return 0;
    }
}
