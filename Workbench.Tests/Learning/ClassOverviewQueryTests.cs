using Workbench.Data.Learning;
using Workbench.Domain.Learning;
using Workbench.Domain.Privacy;
using static Workbench.Tests.Learning.LearningDataSet;

namespace Workbench.Tests.Learning;

[Collection(LearningWarehouseCollection.Name)]
public class ClassOverviewQueryTests(LearningWarehouseFixture data)
{
    private const int Precision = 10;

    private ClassOverviewQuery Query => data.Get<ClassOverviewQuery>();

    private async Task<ClassOverview> OverviewAsync(LearningFilter? filter = null) =>
        (await Query.GetAsync(Teacher1, filter ?? LearningWarehouseFixture.Year, Class1Key, CancellationToken.None))!;

    private static ClassOverviewRow Row(ClassOverview overview, int shussekiNo) => overview.Pupils.Single(p => p.Pupil.ShussekiNo == shussekiNo);

    [Fact]
    public async Task A_pupils_row_has_exact_activity_scores_bands_and_attendance_rate()
    {
        var overview = await OverviewAsync();

        Assert.Equal(("3年1組", "喬松小学校", "homeroom", false), (overview.Class.ClassTitle, overview.Class.SchoolName, overview.Class.ClassType, overview.Class.IsSpecialNeeds));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], overview.Pupils.Select(p => (int)p.Pupil.ShussekiNo!.Value));
        Assert.Equal([U1, K1, U2, U3], overview.Units.Select(u => u.UnitKey));
        Assert.Equal(["かけ算の筆算", "漢字の音と訓", "円と球", "分数"], overview.Units.Select(u => u.DisplayTitle));
        Assert.Equal([null, "国語", null, null], overview.Units.Select(u => u.Subject == "算数" ? null : u.Subject));

        var first = Row(overview, 1);
        Assert.Equal(("津山 太郎1", "ツヤマ タロウ", data.Pupil(1)), (first.Pupil.Name, first.Pupil.Kana, first.Pupil.PupilKey));
        Assert.Equal((6L, 60.0), (first.Statements, first.Minutes));
        AssertScore(first.Unit(U1), statements: 2, mean: 0.8, best: 0.9, MasteryBand.Secure);
        AssertScore(first.Unit(K1), statements: 1, mean: 0.8, best: 0.8, MasteryBand.Secure);
        AssertScore(first.Unit(U2), statements: 2, mean: 0.55, best: 0.6, MasteryBand.AlmostThere);
        AssertScore(first.Unit(U3), statements: 1, mean: 0.3, best: 0.3, MasteryBand.NeedsSupport);
        Assert.Equal("もう少し", first.Unit(U2)!.BandLabel);
        Assert.Equal(1.0, first.AttendanceRate);

        // Pupil 4: 出席 18, 遅刻 1, 早退 1, 欠席 3, 出席停止 1 → (18 + 1 + 1) / (24 − 1).
        var fourth = Row(overview, 4);
        Assert.Equal(new AttendanceCounts(Present: 18, Late: 1, LeftEarly: 1, Absent: 3, Suspended: 1, Mourning: 0), fourth.Attendance);
        Assert.Equal(20.0 / 23, fourth.AttendanceRate!.Value, Precision);

        // Pupil 2: 3 scored statements of 10 minutes and 14 unscored of 5; no score on K1, so no K1 cell.
        var second = Row(overview, 2);
        Assert.Equal((17L, 100.0), (second.Statements, second.Minutes));
        AssertScore(second.Unit(U3), statements: 15, mean: 0.8, best: 0.8, MasteryBand.Secure);
        Assert.Null(second.Unit(K1));
    }

    [Fact]
    public async Task Suspension_and_mourning_are_not_counted_as_absences()
    {
        var fifth = Row(await OverviewAsync(), 5);

        // 欠席 10/24 and 10/30 around 忌引 10/27–29: 19 days at school of the 21 required; no run of three, no pace.
        Assert.Equal(new AttendanceCounts(Present: 19, Late: 0, LeftEarly: 0, Absent: 2, Suspended: 0, Mourning: 3), fifth.Attendance);
        Assert.Equal(19.0 / 21, fifth.AttendanceRate!.Value, Precision);
        Assert.Empty(fifth.Flags);
    }

    [Fact]
    public async Task Pupils_who_moved_in_or_out_during_the_year_are_marked()
    {
        var overview = await OverviewAsync();

        Assert.Equal([6], overview.Pupils.Where(p => p.Pupil.MovedIn).Select(p => (int)p.Pupil.ShussekiNo!.Value));
        Assert.Equal([7], overview.Pupils.Where(p => p.Pupil.MovedOut).Select(p => (int)p.Pupil.ShussekiNo!.Value));
        Assert.Equal(new DateOnly(2025, 10, 6), Row(overview, 6).Pupil.BeginDate);
        Assert.Equal(new DateOnly(2025, 10, 17), Row(overview, 7).Pupil.EndDate);
        Assert.Equal(19, Row(overview, 6).Attendance.RecordedDays);
        Assert.Equal(14, Row(overview, 7).Attendance.RecordedDays);
    }

    [Fact]
    public async Task The_term_and_subject_filters_narrow_activity_units_and_attendance()
    {
        var secondTerm = await OverviewAsync(new LearningFilter(2025, term: 2));
        var firstTerm = await OverviewAsync(new LearningFilter(2025, term: 1));
        var arithmetic = await OverviewAsync(new LearningFilter(2025, subject: "算数"));
        var japanese = await OverviewAsync(new LearningFilter(2025, subject: "国語"));

        Assert.Equal([U3], secondTerm.Units.Select(u => u.UnitKey));
        Assert.Equal((1L, 10.0), (Row(secondTerm, 1).Statements, Row(secondTerm, 1).Minutes));
        Assert.Equal((15L, 80.0), (Row(secondTerm, 2).Statements, Row(secondTerm, 2).Minutes));
        Assert.Equal(24, Row(secondTerm, 1).Attendance.RecordedDays);

        Assert.Equal([U1, K1, U2], firstTerm.Units.Select(u => u.UnitKey));
        Assert.Equal(AttendanceCounts.None, Row(firstTerm, 1).Attendance);
        Assert.Null(Row(firstTerm, 1).AttendanceRate);

        Assert.Equal("算数", arithmetic.Subject);
        Assert.Equal([U1, U2, U3], arithmetic.Units.Select(u => u.UnitKey));
        Assert.Equal((5L, 50.0), (Row(arithmetic, 1).Statements, Row(arithmetic, 1).Minutes));
        Assert.Equal([K1], japanese.Units.Select(u => u.UnitKey));
    }

    [Fact]
    public async Task The_class_is_compared_with_its_school_and_the_city_with_small_groups_hidden()
    {
        var comparisons = (await OverviewAsync()).Comparisons.ToDictionary(c => c.UnitKey);

        // U1: class 0.9 0.8 0.6 0.5 0.2; 3年2組 ten at 0.7; 中正小 ten at 0.4.
        var u1 = comparisons[U1];
        Assert.Equal((5L, 15L, 25L), (u1.ClassPupils, u1.SchoolPupils.Value, u1.CityPupils.Value));
        Assert.Equal((CellState.Shown, CellState.Shown), (u1.SchoolPupils.State, u1.CityPupils.State));
        Assert.Equal(0.6, u1.ClassMean!.Value, Precision);
        Assert.Equal(10.0 / 15, u1.SchoolMean!.Value, Precision);
        Assert.Equal(14.0 / 25, u1.CityMean!.Value, Precision);

        // U2: the school's 8 pupils are fewer than 10; the city's 18 are not, nor its 13 outside the class.
        var u2 = comparisons[U2];
        Assert.Equal(0.52, u2.ClassMean!.Value, Precision);
        Assert.Equal((CellState.Small, "<10"), (u2.SchoolPupils.State, u2.SchoolPupils.Display));
        Assert.Null(u2.SchoolMean);
        Assert.Equal((18L, CellState.Shown), (u2.CityPupils.Value, u2.CityPupils.State));
        Assert.Equal(10.3 / 18, u2.CityMean!.Value, Precision);

        // U3: school and city have 10 pupils each, but without the class's 5 only 5 are left: their mean would show.
        var u3 = comparisons[U3];
        Assert.Equal(0.7, u3.ClassMean!.Value, Precision);
        Assert.Equal((CellState.Complementary, CellState.Complementary), (u3.SchoolPupils.State, u3.CityPupils.State));
        Assert.Equal(("X", "X"), (u3.SchoolPupils.Display, u3.CityPupils.Display));
        Assert.Equal((null, null), (u3.SchoolMean, u3.CityMean));

        // K1: only pupil 1 in the whole city; the class figure is the teacher's own and shown.
        Assert.Equal((1L, 0.8, CellState.Small, CellState.Small), (comparisons[K1].ClassPupils, comparisons[K1].ClassMean!.Value, comparisons[K1].SchoolPupils.State, comparisons[K1].CityPupils.State));
        Assert.Equal(10, (await OverviewAsync()).SuppressionThreshold);
    }

    [Fact]
    public async Task Each_warning_fires_for_the_pupil_whose_series_calls_for_it_and_for_no_one_else()
    {
        var overview = await OverviewAsync();

        Assert.Equal(
            [[WarningRule.FallingScores], [WarningRule.ActivityHalving], [WarningRule.LongAbsencePace], [WarningRule.ConsecutiveAbsences], [], [], []],
            overview.Pupils.Select(p => p.Flags.Select(f => f.Rule).ToArray()));

        var falling = Row(overview, 1).Flags[0];
        Assert.Equal(new DateOnly(2025, 7, 7), falling.Since);
        Assert.Equal("算数で、直近3単元の最高得点が続けて下がっています（0.90 → 0.30）。", falling.Reason);
        Assert.Equal("算数: かけ算の筆算 0.90（2025/06/02〜） → 円と球 0.60（2025/07/07〜） → 分数 0.30（2025/10/08〜）。", falling.Evidence);

        var halving = Row(overview, 2).Flags[0];
        Assert.Equal(new DateOnly(2025, 10, 27), halving.Since);
        Assert.Equal("2025/10/20の週 10件（授業日5日）→ 2025/10/27の週 4件（授業日5日）。前週が10件以上のときに判定。", halving.Evidence);

        // Pupil 3: 4 of the first 20 days (to 10/27) project 40; 5 of 24 project 41.7.
        var pace = Row(overview, 3).Flags[0];
        Assert.Equal(new DateOnly(2025, 10, 27), pace.Since);
        Assert.Equal("このままのペースでは、年度内の欠席が30日（長期欠席）に達する見込みです（見込み 約42日）。", pace.Reason);
        Assert.Equal("2025/09/29〜2025/10/31 の出欠 24日（出席停止・忌引 0日を除く 24日）のうち欠席 5日。欠席率 20.8% × 年間授業日 200日 = 見込み 41.7日（基準 30日）。欠席の理由: 病気 5日。", pace.Evidence);

        // Pupil 4: 欠席 10/20, 出席停止 10/21, 欠席 10/22–23 is a run of three; 3 of 23 required days are not on pace.
        var run = Row(overview, 4).Flags[0];
        Assert.Equal(new DateOnly(2025, 10, 20), run.Since);
        Assert.Equal("2025年10月20日から2025年10月23日まで3日続けて欠席しました。", run.Reason);
        Assert.Equal("欠席 2025/10/20（病気）、2025/10/22（病気）、2025/10/23（病気）。間の 出席停止 2025/10/21 は欠席に数えず、連続も途切れさせていません。", run.Evidence);
    }

    [Fact]
    public async Task Warnings_are_judged_as_of_the_end_of_the_chosen_term()
    {
        var firstTerm = await OverviewAsync(new LearningFilter(2025, term: 1));

        Assert.Equal(new DateOnly(2025, 7, 31), firstTerm.Period.AsOf);
        Assert.All(firstTerm.Pupils, p => Assert.Empty(p.Flags));
    }

    [Fact]
    public async Task Another_teachers_class_returns_nothing_whatever_key_is_asked_for()
    {
        Assert.Null(await Query.GetAsync(Teacher2, LearningWarehouseFixture.Year, Class1Key, CancellationToken.None));
        Assert.Null(await Query.GetAsync(Teacher1, LearningWarehouseFixture.Year, Class2Key, CancellationToken.None));
        Assert.Null(await Query.GetAsync(Teacher1, new LearningFilter(2024), Class1Key, CancellationToken.None));
        Assert.NotNull(await Query.GetAsync(Teacher2, LearningWarehouseFixture.Year, Class2Key, CancellationToken.None));
    }

    [Fact]
    public async Task An_analyst_with_the_class_in_scope_gets_the_figures_without_names()
    {
        var overview = await Query.GetAsync(Analyst, LearningWarehouseFixture.Year, Class1Key, CancellationToken.None);

        Assert.Equal(7, overview!.Pupils.Count);
        Assert.All(overview.Pupils, p => Assert.True(p.Pupil.Name is null && p.Pupil.Kana is null && p.Pupil.PupilKey.Length == 32));
        Assert.Equal(6L, Row(overview, 1).Statements);
        Assert.Equal(overview.Pupils[0].Pupil.PupilKey[..8], overview.Pupils[0].Pupil.DisplayName);
    }

    [Fact]
    public async Task Each_call_writes_the_audit_log_once_with_its_filters_even_when_refused()
    {
        var before = await data.AuditCountAsync("t000002", "learning/class_overview");

        await Query.GetAsync(Teacher2, new LearningFilter(2025, 2, "算数"), Class1Key, CancellationToken.None);

        var entry = (await data.Get<Workbench.Data.Access.AuditLog>().ListAsync(new(UserName: "t000002"), CancellationToken.None))[0];
        Assert.Equal(before + 1, await data.AuditCountAsync("t000002", "learning/class_overview"));
        Assert.Equal(($"年度=2025; 学期=2; 教科=算数; class={Class1Key}", 0L), (entry.FilterText, entry.RowCount));
    }

    private static void AssertScore(PupilUnitScore? score, long statements, double mean, double best, MasteryBand band)
    {
        Assert.NotNull(score);
        Assert.Equal((statements, band), (score.Statements, score.Band));
        Assert.Equal(mean, score.Mean!.Value, Precision);
        Assert.Equal(best, score.Best!.Value, Precision);
    }
}
