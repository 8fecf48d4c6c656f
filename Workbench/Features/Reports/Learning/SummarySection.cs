using Workbench.Data.Learning.Board;
using Workbench.Domain.Privacy;
using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>概要: the headline figures of the period beside the previous 年度's and the national 不登校 rate.</summary>
internal static class SummarySection
{
    public static void Write(ReportDocument document, LearningReportContext context)
    {
        var o = context.Overview;
        PeriodFigures now = o.Current, before = o.Previous;
        document.Heading("概要", startsPage: true)
            .Paragraph($"{context.ScopeName}の{context.PeriodName}の学習と出欠の状況を、前年度（{context.PreviousName}）および全国の不登校の割合と比べてまとめました。"
                + $"データ基準日は{ReportFormat.Date(o.AsOf)}です。"
                + (before.HasData ? string.Empty : $"前年度（{context.PreviousName}）のデータはありません。"))
            .Table(
                [new TableColumn("指標", 3), new TableColumn(context.Period.Label, 2, TextAlign.Right), new TableColumn(context.PreviousName, 2, TextAlign.Right), new TableColumn("増減", 2, TextAlign.Right)],
                FigureRows(o))
            .Paragraph(Comparison(now, o.NationalFutoko));

        var chart = LearningCharts.FutokoRates(o.Absence, o.NationalFutoko);
        document.Paragraph($"{context.GroupHeader}ごとの不登校の割合と全国の値", TextStyle.Body with { Bold = true }, keepWithNext: true)
            .Image(chart.Png, chart.Width, chart.Height);
    }

    /// <summary>The headline figures: the period, the previous 年度, the change; for the report and the board page.</summary>
    internal static IReadOnlyList<TableRow> FigureRows(BoardOverview o)
    {
        PeriodFigures now = o.Current, before = o.Previous;
        return
        [
            new TableRow(["学校数", ReportFormat.Count(now.Schools), before.HasData ? ReportFormat.Count(before.Schools) : ReportFormat.NotPublished, ReportFormat.NotPublished]),
            Counts("児童生徒数", now.Pupils, before.Pupils, before.HasData),
            new TableRow(["定着度の平均（全教科）", ReportFormat.Mean(now.MeanMastery), ReportFormat.Mean(before.MeanMastery), ReportFormat.MeanChange(now.MeanMastery, before.MeanMastery)]),
            Rates("「定着」の割合（児童生徒×教科）", now.SecureShare, before.SecureShare),
            Counts("長期欠席（30日以上）", now.LongAbsent, before.LongAbsent, before.HasData),
            Rates("長期欠席の割合", now.LongAbsenceRate, before.LongAbsenceRate),
            Counts("不登校", now.Futoko, before.Futoko, before.HasData),
            Rates("不登校の割合", now.FutokoRate, before.FutokoRate),
            Counts("不登校リスク", now.AtRisk, before.AtRisk, before.HasData),
            new TableRow([$"（参考）全国の不登校の割合（{Domain.Calendar.FiscalCalendar.ReiwaFiscalYearName(o.NationalFutoko.FiscalYear)}）", ReportFormat.Percent(o.NationalFutoko.Rate), string.Empty, string.Empty]),
        ];
    }

    private static TableRow Counts(string label, SuppressedCount now, SuppressedCount before, bool hadData) =>
        new([label, now.Display, hadData ? before.Display : ReportFormat.NotPublished, !now.IsHidden && !before.IsHidden && hadData ? Difference(now.Value - before.Value) : ReportFormat.NotPublished]);

    private static TableRow Rates(string label, double? now, double? before) =>
        new([label, ReportFormat.Percent(now), ReportFormat.Percent(before), ReportFormat.Points(now, before)]);

    private static string Difference(long change) => change switch
    {
        > 0 => "+" + ReportFormat.Count(change),
        < 0 => "−" + ReportFormat.Count(-change),
        _ => "±0",
    };

    private static string Comparison(PeriodFigures now, Domain.Learning.NationalFigure national)
    {
        if (now.FutokoRate is not { } rate)
        {
            return "不登校の人数が少ないため、割合は秘匿しています。";
        }

        var word = rate > national.Rate ? "を上回っています" : rate < national.Rate ? "を下回っています" : "と同じです";
        return $"不登校の割合は{ReportFormat.Percent(rate)}で、全国の{ReportFormat.Percent(national.Rate)}（{Domain.Calendar.FiscalCalendar.ReiwaFiscalYearName(national.FiscalYear)}）{word}。"
            + "期間が1学期・2学期のレポートでは、年度の途中までの欠席で数えています。";
    }
}
