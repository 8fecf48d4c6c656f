using Workbench.Domain.Learning;
using Workbench.Domain.Privacy;

namespace Workbench.Data.Learning;

/// <summary>
/// The class overview: the class (特別支援学級 marked by <see cref="ClassSummary.IsSpecialNeeds"/>), the period and
/// subject it covers, its units, a row per pupil in 出席番号 order, and per unit the class against its school and the
/// city. <see cref="Subject"/> is the filter's subject, or a subject class's own subject when none was chosen.
/// </summary>
public sealed record ClassOverview(
    ClassSummary Class,
    LearningPeriod Period,
    string? Subject,
    IReadOnlyList<LearningUnit> Units,
    IReadOnlyList<ClassOverviewRow> Pupils,
    IReadOnlyList<UnitComparison> Comparisons,
    int SuppressionThreshold);

/// <summary>
/// One pupil of the overview: statements and minutes (sum of durations) in the period, their scores per unit (by
/// <see cref="LearningUnit.UnitKey"/>; a unit they never touched is absent), attendance, and the early warnings fired
/// as of <see cref="LearningPeriod.AsOf"/>.
/// </summary>
public sealed record ClassOverviewRow(
    PupilInClass Pupil,
    long Statements,
    double Minutes,
    IReadOnlyDictionary<string, PupilUnitScore> Units,
    AttendanceCounts Attendance,
    IReadOnlyList<LearningFlag> Flags)
{
    /// <summary>(出席 + 遅刻 + 早退) ÷ recorded days without 出席停止 and 忌引; null without attendance.</summary>
    public double? AttendanceRate => Attendance.Rate;

    public PupilUnitScore? Unit(string unitKey) => Units.GetValueOrDefault(unitKey);
}

/// <summary>
/// Per unit, the mean of pupils' best <c>score.scaled</c> in the class, its school and the city, with the pupils behind
/// each. The class is the teacher's own and always shown; the school and city figures leave the class, so their means
/// are null whenever <see cref="SchoolPupils"/> / <see cref="CityPupils"/> is hidden: a small group, or one whose
/// figure minus the smaller group the caller sees would expose a small group (<see cref="SuppressedCount.State"/>).
/// </summary>
public sealed record UnitComparison(
    string UnitKey,
    string? Title,
    long ClassPupils,
    double? ClassMean,
    SuppressedCount SchoolPupils,
    double? SchoolMean,
    SuppressedCount CityPupils,
    double? CityMean);
