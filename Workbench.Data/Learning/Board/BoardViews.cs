using Workbench.Domain.Learning;
using Workbench.Domain.Privacy;

namespace Workbench.Data.Learning.Board;

/// <summary>What a board view or report is made for.</summary>
public sealed record BoardRequest(BoardPeriod Period, BoardGrouping Grouping = BoardGrouping.District);

/// <summary>
/// Pupils of one subject by mastery band: rows are the rows' labels (school groups or grades), columns the bands
/// (要支援, もう少し, 定着), with each row's total and the scope's totals, suppressed as one table. A mean is
/// published only for rows of at least the threshold's pupils.
/// </summary>
public sealed record MasteryTable(string Subject, IReadOnlyList<string> Rows, SuppressedTable Counts, IReadOnlyList<double?> Means, double? OverallMean);

/// <summary>
/// Mean mastery of one subject per school group (rows) and grade (columns), and the scope's mean per grade; null
/// where fewer pupils than the threshold. Means only: counts by grade would be a second table over the same pupils,
/// and a small cell hidden in one could be worked out from the other.
/// </summary>
public sealed record GradeMeans(string Subject, IReadOnlyList<string> Groups, IReadOnlyList<string> Grades, double?[,] Means, IReadOnlyList<double?> OverallMeans);

public sealed record SubjectMastery(MasteryTable ByGroup, GradeMeans ByGrade);

/// <summary>One 学期 of one 年度.</summary>
public sealed record TermPoint(int FiscalYear, int Term)
{
    public string Label => $"{BoardPeriod.FiscalYearLabel(FiscalYear)} {Term}学期";
}

/// <summary>Mean mastery per school group (rows) and 学期 (columns), and the scope's pupils by band per 学期.</summary>
public sealed record MasteryTrend(IReadOnlyList<TermPoint> Terms, IReadOnlyList<string> Groups, double?[,] Means, IReadOnlyList<double?> OverallMeans, MasteryTable BandsByTerm);

/// <summary>
/// Absence per school group: pupils enrolled; 長期欠席 split into 不登校 and the other reasons (病気・経済的理由),
/// with 長期欠席 as each row's total; and 不登校リスク. Rates only where both counts are published.
/// </summary>
public sealed record AbsenceTable(
    IReadOnlyList<string> Groups,
    SuppressedSeries Enrolled,
    SuppressedTable LongAbsence,
    SuppressedSeries AtRisk,
    IReadOnlyList<double?> LongAbsenceRates,
    IReadOnlyList<double?> FutokoRates,
    double? TotalLongAbsenceRate,
    double? TotalFutokoRate);

/// <summary>The scope's headline figures for one period, taken from the suppressed tables' totals.</summary>
public sealed record PeriodFigures(
    BoardPeriod Period,
    int Schools,
    SuppressedCount Pupils,
    double? MeanMastery,
    double? SecureShare,
    SuppressedCount LongAbsent,
    double? LongAbsenceRate,
    SuppressedCount Futoko,
    double? FutokoRate,
    SuppressedCount AtRisk)
{
    public bool HasData => Pupils.Value > 0;
}

/// <summary>Everything the board's views and report show for a period, suppressed.</summary>
public sealed record BoardOverview(
    BoardRequest Request,
    bool CityWide,
    DateOnly? AsOf,
    IReadOnlyList<SchoolGroup> Groups,
    IReadOnlyList<SubjectMastery> Subjects,
    MasteryTrend Trend,
    AbsenceTable Absence,
    AbsenceTable PreviousAbsence,
    PeriodFigures Current,
    PeriodFigures Previous,
    NationalFigure NationalFutoko,
    int Threshold,
    MasteryBands Bands,
    AbsenceRules AbsenceRules);
