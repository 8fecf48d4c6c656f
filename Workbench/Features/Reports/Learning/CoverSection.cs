using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>The cover: title, 年度 in both forms, whose schools, how grouped, the data's as-of date and when made.</summary>
internal static class CoverSection
{
    public static void Write(ReportDocument document, LearningReportContext context)
    {
        var o = context.Overview;
        document.Space(150)
            .Paragraph(o.CityWide ? "津山市教育委員会" : context.ScopeName, TextStyle.Subtitle, TextAlign.Center)
            .Space(10)
            .Paragraph(LearningReport.Title, TextStyle.Title, TextAlign.Center)
            .Space(6)
            .Paragraph(context.PeriodName, TextStyle.Subtitle, TextAlign.Center)
            .Space(150)
            .Table(
                [new TableColumn("項目", 1), new TableColumn("内容", 3)],
                [
                    new TableRow(["対象", context.ScopeName]),
                    new TableRow(["集計の単位", $"{context.GroupingName}（{o.Groups.Count}群）"]),
                    new TableRow(["期間", $"{ReportFormat.Date(context.Period.Start)}〜{ReportFormat.Date(context.Period.End)}（欠席は年度初めから）"]),
                    new TableRow(["データ基準日", ReportFormat.Date(o.AsOf)]),
                    new TableRow(["作成日時", ReportFormat.Stamp(context.GeneratedAt)]),
                    new TableRow(["秘匿", $"{o.Threshold}人未満の人数は「<{o.Threshold}」、計算で分かってしまう欄は「X」（注記を参照）"]),
                ])
            .PageBreak()
            .Contents()
            .PageBreak();
    }
}
