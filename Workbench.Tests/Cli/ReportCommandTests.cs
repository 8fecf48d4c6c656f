using Workbench.Data.Access;
using Workbench.Data.Synthetic;
using Workbench.Domain.Access;
using Workbench.Features.Account;
using Workbench.Features.Reports.Learning;
using Workbench.Tests.Support;

namespace Workbench.Tests.Cli;

public class ReportCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static Dictionary<string, string> As(string user, string password) => new() { ["WORKBENCH_USER"] = user, ["WORKBENCH_PASSWORD"] = password };

    [SkippableFact]
    public async Task Report_learning_writes_the_pdf_for_the_board_signed_in_and_audits_it()
    {
        var warehouse = await TempWarehouse.CreateAsync();
        var directory = warehouse.Directory;
        await warehouse.Get<SyntheticSeeder>().SeedAsync(SeedScale.Tiny, null, CancellationToken.None);
        var users = warehouse.Get<AppUserStore>();
        await users.CreateAsync("kyoiku", "教育委員会", null, LocalSignIn.Hash("kyoiku", "board password 12"), [WorkbenchRoles.BoardOfEducation], CancellationToken.None);
        await users.CreateAsync("ops", "運用 担当", null, LocalSignIn.Hash("ops", "ops password 123"), [WorkbenchRoles.Admin], CancellationToken.None);
        await warehouse.CloseAsync();
        var data = $"--Warehouse:DataDirectory={directory}";
        var output = Path.Combine(directory, "out", "report.pdf");

        var board = await AppProcess.RunWithAsync(Timeout, As("kyoiku", "board password 12"), "report", "learning", "--year", "2025", "--term", "1", "--out", output, data);
        var admin = await AppProcess.RunWithAsync(Timeout, As("ops", "ops password 123"), "report", "learning", "--year", "2025", "--out", output + ".admin", data);
        var badTerm = await AppProcess.RunWithAsync(Timeout, As("kyoiku", "board password 12"), "report", "learning", "--year", "2025", "--term", "4", data);

        Assert.True(board.ExitCode == 0, board.Output + board.Errors);
        Assert.Contains("学習状況レポート 2025年度 1学期 を書き出しました", board.Output, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync(output);
        var pages = await Poppler.PagesAsync(pdf);
        Assert.Contains("2025年度（令和7年度）1学期", pages[0], StringComparison.Ordinal);
        Assert.Equal(pages.Count, await Poppler.PageCountAsync(pdf));
        Assert.Equal(1, admin.ExitCode);
        Assert.Contains("BoardOfEducation の役割が必要です", admin.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".admin"));
        Assert.NotEqual(0, badTerm.ExitCode);
        Assert.Contains("--term", badTerm.Errors + badTerm.Output, StringComparison.Ordinal);

        await using var reopened = await TempWarehouse.CreateAsync(directory: directory);
        var audit = await reopened.Get<AuditLog>().ListAsync(new AuditFilter(Action: AuditActions.Export), CancellationToken.None);
        var entry = Assert.Single(audit);
        Assert.Equal(("kyoiku", LearningReportService.AuditTarget, "年度=2025; 学期=1; 単位=District"), (entry.UserName, entry.Target, entry.FilterText));
    }
}
