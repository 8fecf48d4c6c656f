using Workbench.Data.Learning;
using Workbench.Domain.Learning;
using static Workbench.Tests.Learning.LearningDataSet;

namespace Workbench.Tests.Learning;

[Collection(LearningWarehouseCollection.Name)]
public class EarlyWarningQueryTests(LearningWarehouseFixture data)
{
    private EarlyWarningQuery Query => data.Get<EarlyWarningQuery>();

    [Fact]
    public async Task The_warnings_list_holds_the_flagged_pupils_of_the_callers_classes_with_each_rule()
    {
        var rows = await Query.GetAsync(Teacher1, LearningWarehouseFixture.Year, flaggedOnly: true, CancellationToken.None);

        Assert.Equal(
            [
                ("津山 太郎1", WarningRule.FallingScores, new DateOnly(2025, 7, 7)),
                ("津山 太郎2", WarningRule.ActivityHalving, new DateOnly(2025, 10, 27)),
                ("津山 太郎3", WarningRule.LongAbsencePace, new DateOnly(2025, 10, 27)),
                ("津山 太郎4", WarningRule.ConsecutiveAbsences, new DateOnly(2025, 10, 20)),
            ],
            rows.Select(r => (r.Pupil.Name!, Assert.Single(r.Flags).Rule, r.Flags[0].Since)));
        Assert.All(rows, r => Assert.Equal("3年1組", r.Pupil.ClassTitle));
    }

    [Fact]
    public async Task Every_pupil_can_be_listed_and_another_teacher_sees_only_their_own_class()
    {
        var all = await Query.GetAsync(Teacher1, LearningWarehouseFixture.Year, flaggedOnly: false, CancellationToken.None);
        var other = await Query.GetAsync(Teacher2, LearningWarehouseFixture.Year, flaggedOnly: false, CancellationToken.None);

        Assert.Equal(7, all.Count);
        Assert.Equal(10, other.Count);
        Assert.All(other, r => Assert.Equal(Class2Key, r.Pupil.ClassKey));
        Assert.Empty(await Query.GetAsync(Teacher2, LearningWarehouseFixture.Year, flaggedOnly: true, CancellationToken.None));
    }

    [Fact]
    public async Task A_subject_narrows_the_activity_and_score_rules_and_an_analyst_sees_no_names()
    {
        var japanese = await Query.GetAsync(Analyst, new LearningFilter(2025, subject: "国語"), flaggedOnly: true, CancellationToken.None);

        // 国語 has one unit and no activity in October: only the attendance rules remain.
        Assert.Equal([WarningRule.LongAbsencePace, WarningRule.ConsecutiveAbsences], japanese.Select(r => Assert.Single(r.Flags).Rule));
        Assert.All(japanese, r => Assert.Null(r.Pupil.Name));
    }

    [Fact]
    public async Task The_list_is_audited_once_per_call_with_its_row_count()
    {
        var before = await data.AuditCountAsync("t000001", "learning/early_warnings");

        await Query.GetAsync(Teacher1, LearningWarehouseFixture.Year, flaggedOnly: true, CancellationToken.None);

        var entry = (await data.Get<Workbench.Data.Access.AuditLog>().ListAsync(new(UserName: "t000001"), CancellationToken.None))[0];
        Assert.Equal(before + 1, await data.AuditCountAsync("t000001", "learning/early_warnings"));
        Assert.Equal(4L, entry.RowCount);
    }
}
