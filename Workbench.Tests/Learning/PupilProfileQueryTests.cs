using Workbench.Data.Learning;
using Workbench.Domain.Learning;
using static Workbench.Tests.Learning.LearningDataSet;

namespace Workbench.Tests.Learning;

[Collection(LearningWarehouseCollection.Name)]
public class PupilProfileQueryTests(LearningWarehouseFixture data)
{
    private PupilProfileQuery Query => data.Get<PupilProfileQuery>();

    [Fact]
    public async Task A_profile_has_the_weekly_timeline_scores_against_the_class_the_calendar_and_the_flags_with_reasons()
    {
        var profile = await Query.GetAsync(Teacher1, LearningWarehouseFixture.Year, Class1Key, data.Pupil(1), CancellationToken.None);

        Assert.Equal(("津山 太郎1", (short)1), (profile!.Pupil.Name, profile.Pupil.ShussekiNo));
        Assert.Equal(
            [
                (new DateOnly(2025, 6, 2), 3L, 30.0, 0), (new DateOnly(2025, 7, 7), 2L, 20.0, 0), (new DateOnly(2025, 9, 29), 0L, 0.0, 5),
                (new DateOnly(2025, 10, 6), 1L, 10.0, 5), (new DateOnly(2025, 10, 13), 0L, 0.0, 4), (new DateOnly(2025, 10, 20), 0L, 0.0, 5),
                (new DateOnly(2025, 10, 27), 0L, 0.0, 5),
            ],
            profile.Timeline.Select(w => (w.WeekStart, w.Statements, w.Minutes, w.SchoolDays)));
        Assert.Equal(
            [(U1, 0.9, 0.6, 5L), (K1, 0.8, 0.8, 1L), (U2, 0.6, 0.52, 5L), (U3, 0.3, 0.7, 5L)],
            profile.Units.Select(u => (u.Unit.UnitKey, u.Pupil.Best!.Value, Math.Round(u.ClassMean!.Value, 10), u.ClassPupils)));
        Assert.Equal(24, profile.Calendar.Count);
        Assert.Equal(1.0, profile.Attendance.Rate);
        var flag = Assert.Single(profile.Flags);
        Assert.Equal(("得点の低下", new DateOnly(2025, 7, 7)), (flag.Title, flag.Since));
    }

    [Fact]
    public async Task The_calendar_shows_each_day_with_its_status_and_reason()
    {
        var profile = await Query.GetAsync(Teacher1, new LearningFilter(2025, term: 2), Class1Key, data.Pupil(4), CancellationToken.None);

        Assert.Equal(
            [("欠席", "病気"), ("出席停止", null), ("欠席", "病気"), ("欠席", "病気"), ("遅刻", null), ("早退", null)],
            profile!.Calendar.Where(d => d.Date >= new DateOnly(2025, 10, 20) && d.Date <= new DateOnly(2025, 10, 27)).Select(d => (d.Status, d.Reason)));
        Assert.Equal(WarningRule.ConsecutiveAbsences, Assert.Single(profile.Flags).Rule);
        Assert.Equal(new DateOnly(2025, 12, 31), profile.Period.To);
    }

    [Fact]
    public async Task A_pupil_outside_the_callers_classes_has_no_profile_and_the_attempt_is_audited()
    {
        var before = await data.AuditCountAsync("t000002", "learning/pupil_profile");

        Assert.Null(await Query.GetAsync(Teacher2, LearningWarehouseFixture.Year, Class1Key, data.Pupil(1), CancellationToken.None));
        Assert.Null(await Query.GetAsync(Teacher2, LearningWarehouseFixture.Year, Class2Key, data.Pupil(1), CancellationToken.None));

        Assert.Equal(before + 2, await data.AuditCountAsync("t000002", "learning/pupil_profile"));
    }

    [Fact]
    public async Task A_moved_in_pupils_profile_says_so_and_an_analyst_gets_it_without_a_name()
    {
        var profile = await Query.GetAsync(Analyst, LearningWarehouseFixture.Year, Class1Key, data.Pupil(6), CancellationToken.None);

        Assert.True(profile!.Pupil.MovedIn);
        Assert.Null(profile.Pupil.Name);
        Assert.Equal(new DateOnly(2025, 10, 6), profile.Calendar[0].Date);
    }
}
