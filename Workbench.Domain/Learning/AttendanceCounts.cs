namespace Workbench.Domain.Learning;

/// <summary>A pupil's attendance rows in a period, by status.</summary>
public sealed record AttendanceCounts(int Present, int Late, int LeftEarly, int Absent, int Suspended, int Mourning)
{
    public static AttendanceCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Days with an attendance row (school days the pupil was enrolled and recorded).</summary>
    public int RecordedDays => Present + Late + LeftEarly + Absent + Suspended + Mourning;

    /// <summary>Days the pupil had to attend: 出席停止 and 忌引 are left out.</summary>
    public int RequiredDays => RecordedDays - Suspended - Mourning;

    /// <summary>(出席 + 遅刻 + 早退) ÷ the days the pupil had to attend; null without such a day.</summary>
    public double? Rate => RequiredDays == 0 ? null : (Present + Late + LeftEarly) / (double)RequiredDays;
}
