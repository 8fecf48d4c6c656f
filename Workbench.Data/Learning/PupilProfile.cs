using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>
/// One pupil of a class: the weekly activity timeline (weeks overlapping the period), best score per unit against the
/// class, the attendance calendar of the period, attendance counts, and the early warnings with their reasons.
/// </summary>
public sealed record PupilProfile(
    PupilInClass Pupil,
    LearningPeriod Period,
    string? Subject,
    IReadOnlyList<WeeklyActivity> Timeline,
    IReadOnlyList<UnitAgainstClass> Units,
    IReadOnlyList<AttendanceDay> Calendar,
    AttendanceCounts Attendance,
    IReadOnlyList<LearningFlag> Flags);

/// <summary>The pupil's best and mean on a unit, and the class mean of pupils' best scores with the pupils behind it.</summary>
public sealed record UnitAgainstClass(LearningUnit Unit, PupilUnitScore Pupil, double? ClassMean, long ClassPupils);
