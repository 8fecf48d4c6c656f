using Workbench.Domain.Learning;

namespace Workbench.Tests.Learning;

public class AttendanceCountsTests
{
    [Fact]
    public void The_rate_is_days_at_school_over_days_required_with_suspension_and_mourning_left_out()
    {
        // 出席 18, 遅刻 1, 早退 1, 欠席 2, 出席停止 2, 忌引 1: (18 + 1 + 1) / (25 − 2 − 1).
        var counts = new AttendanceCounts(Present: 18, Late: 1, LeftEarly: 1, Absent: 2, Suspended: 2, Mourning: 1);

        Assert.Equal(25, counts.RecordedDays);
        Assert.Equal(22, counts.RequiredDays);
        Assert.Equal(20.0 / 22, counts.Rate!.Value, 12);
    }

    [Fact]
    public void A_pupil_excused_every_day_has_no_rate() => Assert.Null(new AttendanceCounts(0, 0, 0, 0, 3, 2).Rate);
}
