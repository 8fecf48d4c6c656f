using Workbench.Data.Learning.Board;
using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>欠席の状況: 長期欠席 (split into 不登校 and the other reasons), rates and 不登校リスク per group, this 年度 and the last.</summary>
internal static class AbsenceSection
{
    public static void Write(ReportDocument document, LearningReportContext context)
    {
        var o = context.Overview;
        document.Heading("欠席の状況", startsPage: true)
            .Paragraph($"年度の初めから{ReportFormat.Date(context.Period.End)}までの欠席日数で数えています（出席停止・忌引・遅刻・早退は欠席に含みません）。"
                + $"長期欠席は{o.AbsenceRules.LongAbsenceDays}日以上、「うちその他」は長期欠席のうち不登校でない（病気・経済的理由による）児童生徒、"
                + $"不登校リスクは病気・経済的理由以外の欠席が{o.AbsenceRules.RiskDays}日以上{o.AbsenceRules.LongAbsenceDays}日未満の児童生徒です。")
            .Heading(context.Period.Label, level: 2)
            .Table(Columns(context), Rows(o.Absence))
            .Heading($"前年度（{context.PreviousName}）", level: 2);
        if (o.Previous.HasData)
        {
            document.Table(Columns(context), Rows(o.PreviousAbsence));
        }
        else
        {
            document.Paragraph("前年度のデータはありません。");
        }
    }

    /// <summary>The columns after the group's, for the report's tables and the board page's grids.</summary>
    internal static readonly string[] Headers = ["在籍", "長期欠席", "うち不登校", "うちその他", "長期欠席率", "不登校率", "不登校リスク"];

    private static readonly double[] Widths = [1.1, 1.3, 1.4, 1.4, 1.4, 1.3, 1.5];

    private static TableColumn[] Columns(LearningReportContext context) =>
        [new(context.GroupHeader, 3.2), .. Headers.Select((h, i) => new TableColumn(h, Widths[i], TextAlign.Right))];

    internal static IEnumerable<TableRow> Rows(AbsenceTable a)
    {
        for (var g = 0; g < a.Groups.Count; g++)
        {
            yield return new TableRow(
            [
                a.Groups[g], a.Enrolled.Counts[g].Display, a.LongAbsence.RowTotals[g].Display, a.LongAbsence.Cells[g, 0].Display,
                a.LongAbsence.Cells[g, 1].Display, ReportFormat.Percent(a.LongAbsenceRates[g]), ReportFormat.Percent(a.FutokoRates[g]), a.AtRisk.Counts[g].Display,
            ]);
        }

        yield return new TableRow(
        [
            "計", a.Enrolled.Total.Display, a.LongAbsence.GrandTotal.Display, a.LongAbsence.ColumnTotals[0].Display, a.LongAbsence.ColumnTotals[1].Display,
            ReportFormat.Percent(a.TotalLongAbsenceRate), ReportFormat.Percent(a.TotalFutokoRate), a.AtRisk.Total.Display,
        ], RowStyle.Total);
    }
}
