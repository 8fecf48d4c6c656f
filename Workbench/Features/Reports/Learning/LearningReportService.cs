using System.Diagnostics;
using System.Globalization;
using Workbench.Data.Access;
using Workbench.Data.Learning.Board;
using Workbench.Domain.Access;

namespace Workbench.Features.Reports.Learning;

/// <summary>A made report: the PDF, its file name and page count, and how long it took.</summary>
public sealed record ReportFile(byte[] Content, string FileName, int Pages, TimeSpan Elapsed)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// Makes the 学習状況レポート for a caller (web download, CLI and bench alike): the board's views in the caller's scope,
/// composed, laid out and drawn; every report made is an export in the audit log.
/// </summary>
public sealed class LearningReportService(BoardStatistics statistics, AuditLog audit, TimeProvider time)
{
    public const string AuditTarget = "reports/learning";

    public static bool MayCreate(Caller caller) => BoardScope.MayView(caller);

    public async Task<ReportFile> CreateAsync(Caller caller, BoardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var overview = await statistics.OverviewAsync(caller, request, cancellationToken);
        var context = new LearningReportContext(overview, time.GetUtcNow(), ScopeName(overview));
        var (pdf, pages) = await Task.Run(
            () =>
            {
                var document = LearningReport.Compose(context);
                var layout = document.Layout();
                return (Pdf.PdfWriter.Write(document, layout), layout.Pages.Count);
            },
            cancellationToken);
        await audit.WriteAsync(caller.UserName, AuditActions.Export, AuditTarget, FilterText(request), pages, cancellationToken);
        return new ReportFile(pdf, FileName(request), pages, clock.Elapsed);
    }

    /// <summary>学習状況レポート_2025年度.pdf, 学習状況レポート_2025年度_1学期.pdf</summary>
    public static string FileName(BoardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{LearningReport.Title}_{request.Period.Label.Replace(' ', '_')}.pdf";
    }

    private static string FilterText(BoardRequest request) => string.Create(
        CultureInfo.InvariantCulture,
        $"年度={request.Period.FiscalYear}; 学期={(request.Period.Term is { } t ? t.ToString(CultureInfo.InvariantCulture) : "全体")}; 単位={request.Grouping}");

    private static string ScopeName(BoardOverview overview)
    {
        var schools = overview.Groups.SelectMany(g => g.SchoolNames).Order(StringComparer.Ordinal).ToList();
        return overview.CityWide
            ? $"津山市立小・中学校（{schools.Count}校）"
            : schools.Count == 0 ? "担当の学校（なし）" : string.Join("・", schools);
    }
}
