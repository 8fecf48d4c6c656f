using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Data.Access;
using Workbench.Domain.Access;
using Workbench.Features.Reports.Learning;
using Workbench.Tests.Access;
using Workbench.Tests.Support;

namespace Workbench.Tests.Reports;

/// <summary>The レポート page and the PDF download of the app in memory (tiny seed, demo accounts).</summary>
public class LearningReportDownloadTests(InMemoryWorkbench app) : IClassFixture<InMemoryWorkbench>
{
    [SkippableFact]
    public async Task The_board_downloads_the_city_report_and_the_download_is_audited()
    {
        using var client = await app.ClientAsync(WorkbenchRoles.BoardOfEducation);

        using var response = await client.GetAsync("/reports/learning/pdf?year=2025&term=2&grouping=size");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("学習状況レポート_2025年度_2学期.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = await Poppler.PagesAsync(pdf);
        Assert.Contains("2025年度（令和7年度）2学期", pages[0], StringComparison.Ordinal);
        Assert.Contains("津山市立小・中学校（3校）", pages[0], StringComparison.Ordinal);
        Assert.Contains("小学校 小規模校", string.Concat(pages), StringComparison.Ordinal);

        var board = DemoSignIn.Read(app.DataDirectory).Single(a => a.Role == WorkbenchRoles.BoardOfEducation).UserName;
        var audit = await app.Services.GetRequiredService<AuditLog>().ListAsync(new AuditFilter(UserName: board, Action: AuditActions.Export), CancellationToken.None);
        var entry = Assert.Single(audit);
        Assert.Equal(LearningReportService.AuditTarget, entry.Target);
        Assert.Equal("年度=2025; 学期=2; 単位=SchoolSize", entry.FilterText);
        Assert.Equal(pages.Count, entry.RowCount);
    }

    [SkippableFact]
    public async Task A_school_admin_gets_a_report_of_their_own_school()
    {
        using var client = await app.ClientAsync(WorkbenchRoles.SchoolAdmin);

        using var response = await client.GetAsync("/reports/learning/pdf?year=2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cover = (await Poppler.PagesAsync(await response.Content.ReadAsByteArrayAsync()))[0];
        Assert.DoesNotContain("津山市立小・中学校", cover, StringComparison.Ordinal);
        Assert.Single(new[] { "喬松小学校", "中正小学校", "久米中学校" }, school => cover.Contains(school, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/reports/learning/pdf")]
    [InlineData("/reports/learning/pdf?year=25")]
    [InlineData("/reports/learning/pdf?year=2025&term=4")]
    [InlineData("/reports/learning/pdf?year=2025&grouping=school")]
    public async Task A_request_without_a_valid_年度_学期_or_grouping_is_refused(string path)
    {
        using var client = await app.ClientAsync(WorkbenchRoles.Analyst);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_reports_page_offers_the_form_to_the_board_and_explains_to_others()
    {
        using var board = await app.ClientAsync(WorkbenchRoles.BoardOfEducation);
        using var health = await app.ClientAsync(WorkbenchRoles.HealthStaff);

        var boardPage = WebUtility.HtmlDecode(await board.GetStringAsync("/reports"));
        var healthPage = WebUtility.HtmlDecode(await health.GetStringAsync("/reports"));

        Assert.Contains("data-testid=\"learning-report-download\"", boardPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/learning/pdf?year=2025\"", boardPage, StringComparison.Ordinal);
        Assert.Contains("対象: 市内のすべての小・中学校", boardPage, StringComparison.Ordinal);
        Assert.DoesNotContain("learning-report-download", healthPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"learning-report-not-for-you\"", healthPage, StringComparison.Ordinal);
    }
}
