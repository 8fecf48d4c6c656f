using Workbench.Data.Learning.Board;
using Workbench.Domain.Learning;
using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>教科別の定着状況: per subject, the groups' pupils by mastery band (chart and table) and the means by grade.</summary>
internal static class MasterySection
{
    public static void Write(ReportDocument document, LearningReportContext context)
    {
        var o = context.Overview;
        document.Heading("教科別の定着状況", startsPage: true)
            .Paragraph($"教科ごとに、児童生徒の定着度（単元ごとの最高得点 score.scaled の平均）を「{Bands(o.Bands)}」に分け、{context.GroupHeader}ごとの人数と平均を示します。"
                + "学年別は平均のみを示します。");
        if (o.Subjects.Count == 0)
        {
            document.Paragraph("この期間の学習データはありません。");
        }

        foreach (var subject in o.Subjects)
        {
            var table = subject.ByGroup;
            document.Heading(table.Subject, level: 2);
            var chart = LearningCharts.MasteryShares(table);
            document.Image(chart.Png, chart.Width, chart.Height, keepWithNext: true)
                .Table(
                    [
                        new TableColumn(context.GroupHeader, 4),
                        .. MasteryBands.All.Select(b => new TableColumn(MasteryBands.Label(b), 1.4, TextAlign.Right)),
                        new TableColumn("計", 1.4, TextAlign.Right),
                        new TableColumn("平均", 1.4, TextAlign.Right),
                    ],
                    Rows(table, "全体"))
                .Paragraph($"{table.Subject}の学年別の平均", TextStyle.Body with { Bold = true }, keepWithNext: true);
            var grades = LearningCharts.GradeMeans(subject.ByGrade);
            document.Image(grades.Png, grades.Width, grades.Height, keepWithNext: true)
                .Table(
                    [new TableColumn(context.GroupHeader, 4), .. subject.ByGrade.Grades.Select(g => new TableColumn(g, 1.2, TextAlign.Right))],
                    GradeRows(subject.ByGrade));
        }
    }

    /// <summary>The rows of a mastery table and its total row; used for 学期 tables too.</summary>
    internal static IEnumerable<TableRow> Rows(MasteryTable table, string? totalLabel)
    {
        for (var i = 0; i < table.Rows.Count; i++)
        {
            yield return new TableRow(
            [
                table.Rows[i],
                table.Counts.Cells[i, 0].Display,
                table.Counts.Cells[i, 1].Display,
                table.Counts.Cells[i, 2].Display,
                table.Counts.RowTotals[i].Display,
                ReportFormat.Mean(table.Means[i]),
            ]);
        }

        if (totalLabel is not null)
        {
            yield return new TableRow(
            [
                totalLabel,
                table.Counts.ColumnTotals[0].Display,
                table.Counts.ColumnTotals[1].Display,
                table.Counts.ColumnTotals[2].Display,
                table.Counts.GrandTotal.Display,
                ReportFormat.Mean(table.OverallMean),
            ], RowStyle.Total);
        }
    }

    internal static IEnumerable<TableRow> GradeRows(GradeMeans means)
    {
        for (var g = 0; g < means.Groups.Count; g++)
        {
            yield return new TableRow([means.Groups[g], .. Enumerable.Range(0, means.Grades.Count).Select(j => ReportFormat.Mean(means.Means[g, j]))]);
        }

        yield return new TableRow(["全体", .. means.OverallMeans.Select(ReportFormat.Mean)], RowStyle.Total);
    }

    internal static string Bands(MasteryBands bands) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"要支援（{bands.AlmostFrom:0.0#}未満）・もう少し・定着（{bands.SecureFrom:0.0#}以上）");
}
