namespace Workbench.Domain.Learning;

/// <summary>
/// The statuses of an attendance row. 出席停止 and 忌引 are not absences: they leave the days a pupil had to attend
/// (the denominator of the attendance rate) and never count towards 長期欠席.
/// </summary>
public static class AttendanceStatus
{
    public const string Present = "出席";
    public const string Absent = "欠席";
    public const string Late = "遅刻";
    public const string LeftEarly = "早退";
    public const string Suspended = "出席停止";
    public const string Mourning = "忌引";

    public static bool IsAbsence(string status) => status == Absent;

    /// <summary>出席停止 or 忌引: the pupil was excused from attending that day.</summary>
    public static bool IsExcused(string status) => status is Suspended or Mourning;

    /// <summary>At school for at least part of the day: 出席, 遅刻 or 早退.</summary>
    public static bool IsAtSchool(string status) => status is Present or Late or LeftEarly;
}
