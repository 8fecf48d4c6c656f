using Workbench.Data.Learning.Board;

namespace Workbench.Features.Reports.Learning;

/// <summary>What the sections of the 学習状況レポート are written from.</summary>
public sealed record LearningReportContext(BoardOverview Overview, DateTimeOffset GeneratedAt, string ScopeName)
{
    public BoardPeriod Period => Overview.Request.Period;

    /// <summary>The rows' heading: 中学校区 or 学校規模.</summary>
    public string GroupHeader => GroupHeaderOf(Overview.Request.Grouping);

    public string GroupingName => Overview.Request.Grouping == BoardGrouping.District ? "中学校区別" : "学校規模別";

    /// <summary>2025年度（令和7年度）, with the 学期 when the report is for one.</summary>
    public string PeriodName => Period.Term is { } term
        ? $"{BoardPeriod.FiscalYearLabel(Period.FiscalYear)}（{Domain.Calendar.FiscalCalendar.ReiwaFiscalYearName(Period.FiscalYear)}）{term}学期"
        : $"{BoardPeriod.FiscalYearLabel(Period.FiscalYear)}（{Domain.Calendar.FiscalCalendar.ReiwaFiscalYearName(Period.FiscalYear)}）";

    public string PreviousName => Period.Previous.Label;

    public static string GroupHeaderOf(BoardGrouping grouping) => grouping == BoardGrouping.District ? "中学校区" : "学校の種類・規模";
}
