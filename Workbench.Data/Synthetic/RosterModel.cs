namespace Workbench.Data.Synthetic;

/// <summary>Attendance of one pupil on one school day, as stored in <see cref="PupilYear.Attendance"/>.</summary>
internal enum DayStatus : byte
{
    NotEnrolled = 0,
    Present,
    AbsentIllness,
    AbsentEconomic,
    AbsentTruancy,
    AbsentOther,
    Late,
    LeftEarly,
    Suspended,
    Mourning,
}

internal static class DayStatusExtensions
{
    /// <summary>In school that day, so it can learn on the portal and sit a test.</summary>
    public static bool InSchool(this DayStatus status) => status is DayStatus.Present or DayStatus.Late or DayStatus.LeftEarly;
}

internal sealed class School(SchoolFact fact, string sourcedId)
{
    public SchoolFact Fact { get; } = fact;

    public string SourcedId { get; } = sourcedId;

    public bool IsJuniorHigh => Fact.Kind == SchoolKind.JuniorHigh;
}

/// <summary>A child, followed across 年度 (the same ids from P1 to J3).</summary>
internal sealed class Pupil
{
    public required int Index { get; init; }

    public required string Key { get; init; }

    public required string SourcedId { get; init; }

    public required string MasterId { get; init; }

    public required string Username { get; init; }

    public required KanaName Family { get; init; }

    public required KanaName Given { get; init; }

    public required bool Male { get; init; }

    public required DateOnly BirthDate { get; init; }

    /// <summary>Latent ability (standard normal), drifting a little from year to year.</summary>
    public required double Ability { get; set; }

    /// <summary>How much the pupil uses the portal, around 1.</summary>
    public required double Engagement { get; init; }

    /// <summary>Daily probability of an ordinary absence (illness etc.), around 1 %.</summary>
    public required double AbsenceBase { get; init; }

    /// <summary>Needs a 特別支援学級 place where the school has one.</summary>
    public required bool SpecialNeeds { get; set; }

    public List<PupilYear> Years { get; } = [];
}

/// <summary>A pupil in one 年度: school, grade, class, dates and this year's risk profile and attendance.</summary>
internal sealed class PupilYear
{
    public required Pupil Pupil { get; init; }

    public required YearRoster Year { get; init; }

    public required School School { get; init; }

    /// <summary>1–9 (P1 … J3).</summary>
    public required int Grade { get; init; }

    /// <summary>First school-day index enrolled (0 unless the pupil moved in during the year).</summary>
    public int BeginDay { get; set; }

    /// <summary>School-day index after the last day enrolled (the calendar's count unless the pupil moved out).</summary>
    public int EndDay { get; set; }

    public bool MovedIn => BeginDay > 0;

    public bool MovedOut => EndDay < Year.Calendar.Count;

    public Homeroom Homeroom { get; set; } = null!;

    public int ShussekiNo { get; set; }

    public List<SubjectClass> SubjectClasses { get; } = [];

    public double Ability { get; set; }

    /// <summary>School-day index from which the pupil drifts into risk (rising absence, fading activity, falling
    /// scores), or -1.</summary>
    public int RiskOnset { get; set; } = -1;

    /// <summary>School days from onset to full effect.</summary>
    public int RiskRamp { get; set; } = 30;

    /// <summary>Daily absence probability at full effect.</summary>
    public double RiskPeak { get; set; }

    /// <summary>A long illness (hospital stay): first school-day index, or -1.</summary>
    public int IllnessStart { get; set; } = -1;

    public int IllnessLength { get; set; }

    public DayStatus[] Attendance { get; set; } = [];

    /// <summary>0 before the onset, rising to 1 over the ramp.</summary>
    public double RiskLevel(int day, double rampFactor = 1.0) =>
        RiskOnset < 0 || day < RiskOnset ? 0.0 : Math.Min(1.0, (day - RiskOnset + 1) / (RiskRamp * rampFactor));
}

internal sealed class Teacher
{
    public required int Index { get; init; }

    public required string SourcedId { get; init; }

    public required string MasterId { get; init; }

    public required string Username { get; init; }

    public required KanaName Family { get; init; }

    public required KanaName Given { get; init; }

    public required School School { get; init; }
}

internal sealed class Course
{
    public required string SourcedId { get; init; }

    public required School School { get; init; }

    public required string Title { get; init; }

    /// <summary>OneRoster grades (one or more of P1…J3).</summary>
    public required IReadOnlyList<int> Grades { get; init; }

    public Subject? Subject { get; init; }
}

internal sealed class Homeroom
{
    public required string SourcedId { get; init; }

    public required School School { get; init; }

    public required string Title { get; init; }

    public required string ClassCode { get; init; }

    /// <summary>The grade of a regular class; 0 for a 特別支援学級 (mixed grades).</summary>
    public required int Grade { get; init; }

    public required bool SpecialNeeds { get; init; }

    public required Course Course { get; set; }

    public Teacher? Teacher { get; set; }

    public List<PupilYear> Pupils { get; } = [];

    public List<SubjectClass> SubjectClasses { get; } = [];
}

internal sealed class SubjectClass
{
    public required string SourcedId { get; init; }

    public required Homeroom Homeroom { get; init; }

    public required Subject Subject { get; init; }

    public required Course Course { get; init; }

    public required string Title { get; init; }

    public required string ClassCode { get; init; }

    public Teacher? Teacher { get; set; }

    public List<PupilYear> Pupils { get; } = [];
}

/// <summary>One 年度 of the roster.</summary>
internal sealed class YearRoster
{
    public required int FiscalYear { get; init; }

    public required SchoolCalendar Calendar { get; init; }

    public required string SchoolYearId { get; init; }

    public required IReadOnlyList<string> TermIds { get; init; }

    public List<Course> Courses { get; } = [];

    public List<Homeroom> Homerooms { get; } = [];

    public List<PupilYear> Pupils { get; } = [];
}

internal sealed class Roster
{
    public required string DistrictId { get; init; }

    public required IReadOnlyList<School> Schools { get; init; }

    public required IReadOnlyList<YearRoster> Years { get; init; }

    public required IReadOnlyList<Pupil> Pupils { get; init; }

    public required IReadOnlyList<Teacher> Teachers { get; init; }
}
