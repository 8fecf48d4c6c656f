using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>
/// One page part per school group: its schools, its row of every subject table and of the absence table. The same
/// published cells as the sections before, gathered for the people of one district or kind of school.
/// </summary>
internal static class GroupSection
{
    public static void Write(ReportDocument document, LearningReportContext context)
    {
        var o = context.Overview;
        document.Heading($"{context.GroupHeader}ごとのまとめ", startsPage: true)
            .Paragraph($"{context.GroupHeader}ごとに、教科別の定着の分布と欠席の状況をまとめます（数値は前の章の表と同じです）。");
        for (var g = 0; g < o.Groups.Count; g++)
        {
            var group = o.Groups[g];
            document.Heading(group.Name, level: 2)
                .Paragraph($"学校: {string.Join("、", group.SchoolNames)}", TextStyle.Small)
                .Table(
                    [
                        new TableColumn("教科", 3),
                        new TableColumn("要支援", 1.4, TextAlign.Right),
                        new TableColumn("もう少し", 1.4, TextAlign.Right),
                        new TableColumn("定着", 1.4, TextAlign.Right),
                        new TableColumn("計", 1.4, TextAlign.Right),
                        new TableColumn("平均", 1.4, TextAlign.Right),
                    ],
                    o.Subjects.Select(s => s.ByGroup).Select(t => new TableRow(
                    [
                        t.Subject, t.Counts.Cells[g, 0].Display, t.Counts.Cells[g, 1].Display, t.Counts.Cells[g, 2].Display,
                        t.Counts.RowTotals[g].Display, ReportFormat.Mean(t.Means[g]),
                    ])))
                .Table(
                    [
                        new TableColumn("在籍", 1, TextAlign.Right),
                        new TableColumn("長期欠席", 1, TextAlign.Right),
                        new TableColumn("うち不登校", 1, TextAlign.Right),
                        new TableColumn("長期欠席率", 1, TextAlign.Right),
                        new TableColumn("不登校率", 1, TextAlign.Right),
                        new TableColumn("不登校リスク", 1, TextAlign.Right),
                    ],
                    [
                        new TableRow(
                        [
                            o.Absence.Enrolled.Counts[g].Display, o.Absence.LongAbsence.RowTotals[g].Display, o.Absence.LongAbsence.Cells[g, 0].Display,
                            ReportFormat.Percent(o.Absence.LongAbsenceRates[g]), ReportFormat.Percent(o.Absence.FutokoRates[g]), o.Absence.AtRisk.Counts[g].Display,
                        ]),
                    ]);
        }
    }
}
