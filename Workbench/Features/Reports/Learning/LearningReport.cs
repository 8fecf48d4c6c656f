using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>
/// The definition of the board's 学習状況レポート: its sections in order (reports/learning/README.md describes them
/// and why the definition lives in code). Every figure comes from <c>BoardOverview</c>,
/// already suppressed.
/// </summary>
public static class LearningReport
{
    public const string Title = "学習状況レポート";

    private static readonly Action<ReportDocument, LearningReportContext>[] Sections =
    [
        CoverSection.Write,
        SummarySection.Write,
        MasterySection.Write,
        GroupSection.Write,
        TrendSection.Write,
        AbsenceSection.Write,
        NotesSection.Write,
    ];

    public static ReportDocument Compose(LearningReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var footer = $"作成 {ReportFormat.Stamp(context.GeneratedAt)}　データ基準日 {ReportFormat.Date(context.Overview.AsOf)}";
        var document = new ReportDocument($"{Title} {context.Period.Label}", footer);
        foreach (var section in Sections)
        {
            section(document, context);
        }

        return document;
    }
}
