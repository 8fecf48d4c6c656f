namespace Workbench.Domain.Learning;

/// <summary>
/// Absence as the national statistics count it (文部科学省「児童生徒の問題行動・不登校等生徒指導上の諸課題に関する調査」):
/// only 欠席 days count (出席停止 and 忌引 are not absences, nor are 遅刻 and 早退); 長期欠席 is 30 days or more in
/// the 年度; 不登校 are those whose absences for reasons other than illness or economic ones reach that line.
/// </summary>
public sealed record AbsenceRules(int LongAbsenceDays = AbsenceRules.DefaultLongAbsenceDays, int RiskDays = AbsenceRules.DefaultRiskDays)
{
    public const int DefaultLongAbsenceDays = 30;

    /// <summary>不登校リスク: absences for reasons other than illness or economic ones from this many days, below the 不登校 line.</summary>
    public const int DefaultRiskDays = 10;

    public const string Absent = "欠席";

    /// <summary>Absence reasons that do not make a pupil 不登校.</summary>
    public static IReadOnlyList<string> NotFutokoReasons { get; } = ["病気", "経済的理由"];

    /// <summary>Statuses that are days at school or excused: never absences.</summary>
    public static IReadOnlyList<string> NotAbsences { get; } = ["出席", "遅刻", "早退", "出席停止", "忌引"];
}

/// <summary>A published national figure a report compares with, and where it comes from.</summary>
public sealed record NationalFigure(int FiscalYear, long Pupils, double Rate, string Source);

public static class NationalFigures
{
    /// <summary>
    /// 不登校 in elementary and junior-high schools, 令和5年度 (FY2023): 346,482 pupils, 3.7 % of all pupils.
    /// </summary>
    public static NationalFigure Futoko2023 { get; } = new(
        2023,
        346_482,
        0.037,
        "文部科学省「令和5年度 児童生徒の問題行動・不登校等生徒指導上の諸課題に関する調査結果について」（令和6年10月31日）");
}
