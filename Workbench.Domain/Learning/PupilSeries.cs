namespace Workbench.Domain.Learning;

/// <summary>One attendance row: a school day, its status and (for 欠席) the reason.</summary>
public sealed record AttendanceDay(DateOnly Date, string Status, string? Reason);

/// <summary>
/// A pupil's activity in one week (Monday to Sunday): statements, minutes (sum of durations) and the school days of
/// that week, which are the days the pupil has an attendance row (whatever its status).
/// </summary>
public sealed record WeeklyActivity(DateOnly WeekStart, long Statements, double Minutes, int SchoolDays);

/// <summary>A pupil's best <c>score.scaled</c> on a 単元, and when they first worked on it (units follow in that order).</summary>
public sealed record UnitResult(string UnitKey, string? Title, string? Subject, DateOnly FirstActivity, double Best);

/// <summary>What the early-warning rules read about one pupil.</summary>
public sealed record PupilSeries(IReadOnlyList<AttendanceDay> Attendance, IReadOnlyList<WeeklyActivity> Weeks, IReadOnlyList<UnitResult> Units)
{
    public static PupilSeries Empty { get; } = new([], [], []);
}
