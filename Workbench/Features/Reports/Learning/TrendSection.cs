using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>学期ごとの推移: the groups' mean mastery per 学期 over this 年度 and the one before, and the bands per 学期.</summary>
internal static class TrendSection
{
    public static void Write(ReportDocument document, LearningReportContext context)
    {
        var trend = context.Overview.Trend;
        document.Heading("学期ごとの推移", startsPage: true)
            .Paragraph($"前年度から今期までの学期ごとに、{context.GroupHeader}ごとの定着度の平均（全教科）を示します。学期ごとに、その学期の単元の最高得点で数えています。");
        if (trend.Terms.Count == 0)
        {
            document.Paragraph("この期間の学習データはありません。");
            return;
        }

        var chart = LearningCharts.Trend(trend);
        document.Image(chart.Png, chart.Width, chart.Height)
            .Heading($"{context.GroupHeader}ごとの平均", level: 2)
            .Table(
                [new TableColumn(context.GroupHeader, 4), .. trend.Terms.Select(t => new TableColumn(t.Label, 1.6, TextAlign.Right))],
                [
                    .. Enumerable.Range(0, trend.Groups.Count).Select(g =>
                        new TableRow([trend.Groups[g], .. Enumerable.Range(0, trend.Terms.Count).Select(t => ReportFormat.Mean(trend.Means[g, t]))])),
                    new TableRow(["全体", .. trend.OverallMeans.Select(ReportFormat.Mean)], RowStyle.Total),
                ])
            .Heading("学期ごとの定着の分布（全体）", level: 2)
            .Table(
                [
                    new TableColumn("学期", 4),
                    new TableColumn("要支援", 1.4, TextAlign.Right),
                    new TableColumn("もう少し", 1.4, TextAlign.Right),
                    new TableColumn("定着", 1.4, TextAlign.Right),
                    new TableColumn("計", 1.4, TextAlign.Right),
                    new TableColumn("平均", 1.4, TextAlign.Right),
                ],
                MasterySection.Rows(trend.BandsByTerm, totalLabel: null));
    }
}
