using System.ComponentModel.DataAnnotations;
using Workbench.Domain.Learning;
using Workbench.Domain.Privacy;

namespace Workbench.Data.Learning.Board;

/// <summary>
/// The <c>Board</c> configuration section: the rules the school and city views and the board's report apply.
/// Mastery bands are the teachers' ones (<c>Learning:Mastery</c>), so a class and the city read alike.
/// </summary>
public sealed class BoardOptions
{
    public const string SectionName = "Board";

    /// <summary>Counts from 1 to this − 1 are shown as <c>&lt;10</c> (DOMAIN.md; MHLW's rule for a city of Tsuyama's size).</summary>
    [Range(2, 1000)]
    public int SuppressionThreshold { get; set; } = SmallCellSuppression.DefaultThreshold;

    [Range(1, 366)]
    public int LongAbsenceDays { get; set; } = AbsenceRules.DefaultLongAbsenceDays;

    [Range(1, 366)]
    public int RiskDays { get; set; } = AbsenceRules.DefaultRiskDays;

    public AbsenceRules Absence => new(LongAbsenceDays, RiskDays);
}
