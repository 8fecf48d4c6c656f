using System.CommandLine;
using System.Globalization;
using Workbench.Data.Learning.Board;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Features.Reports.Learning;

namespace Workbench.Cli;

/// <summary><c>report learning --year 2025 [--term 1] [--grouping district|size] --out file.pdf</c>: the board's PDF.</summary>
internal static class ReportCommands
{
    public static Command Create(string[] configurationArgs)
    {
        var year = new Option<int>("--year") { Description = "年度（例: 2025）/ school year", Required = true };
        var term = new Option<int?>("--term") { Description = "学期 1–3（省略すると年度全体）/ term, or the whole year" };
        var grouping = new Option<string>("--grouping") { Description = "district（中学校区別）または size（学校規模別）", DefaultValueFactory = _ => "district" };
        grouping.AcceptOnlyFromAmong("district", "size");
        var output = new Option<FileInfo?>("--out") { Description = "書き出す PDF のパス（省略すると現在のフォルダ）/ output file" };
        var learning = new Command("learning", "学習状況レポート（教育委員会）を PDF で作成します / The board's learning report as PDF") { year, term, grouping, output };
        learning.Validators.Add(result =>
        {
            if (result.GetValue(term) is < 1 or > 3)
            {
                result.AddError("--term は 1、2、3 のいずれかです。");
            }

            if (result.GetValue(year) is < 2000 or > 2100)
            {
                result.AddError("--year は西暦の年度（例: 2025）です。");
            }
        });
        learning.SetAction((parse, ct) => CliHost.RunAsync(configurationArgs, WorkbenchRoles.BoardOfEducation, (services, caller, token) =>
        {
            var request = new BoardRequest(
                new BoardPeriod(parse.GetValue(year), parse.GetValue(term)),
                parse.GetValue(grouping) == "size" ? BoardGrouping.SchoolSize : BoardGrouping.District);
            return LearningAsync(services, caller, request, parse.GetValue(output), token);
        }, ct));

        var report = new Command("report", "レポートの作成 / Reports");
        report.Subcommands.Add(learning);
        return report;
    }

    private static async Task<int> LearningAsync(IServiceProvider services, Caller caller, BoardRequest request, FileInfo? output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<WarehouseStartup>().PrepareAsync(cancellationToken);
        var file = await services.GetRequiredService<LearningReportService>().CreateAsync(caller, request, cancellationToken);
        var path = output?.FullName ?? Path.GetFullPath(file.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
        Console.WriteLine(string.Create(
            CultureInfo.GetCultureInfo("ja-JP"),
            $"{LearningReport.Title} {request.Period.Label} を書き出しました（{file.Pages}ページ、{file.Elapsed.TotalSeconds:0.00}秒）/ written: {path}"));
        return 0;
    }
}
