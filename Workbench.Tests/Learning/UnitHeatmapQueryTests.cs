using Workbench.Data.Learning;
using Workbench.Domain.Learning;
using static Workbench.Tests.Learning.LearningDataSet;

namespace Workbench.Tests.Learning;

[Collection(LearningWarehouseCollection.Name)]
public class UnitHeatmapQueryTests(LearningWarehouseFixture data)
{
    [Fact]
    public async Task A_heatmap_cell_holds_the_pupils_best_score_and_band_on_the_unit()
    {
        var heatmap = await data.Get<UnitHeatmapQuery>().GetAsync(Teacher1, LearningWarehouseFixture.Year, Class1Key, CancellationToken.None);

        Assert.Equal([U1, K1, U2, U3], heatmap!.Units.Select(u => u.UnitKey));
        Assert.Equal(7, heatmap.Pupils.Count);
        var cell = heatmap.Pupils[0].Cell(U2)!;
        Assert.Equal((2L, 2L, 0.6, MasteryBand.AlmostThere), (cell.Statements, cell.ScoredStatements, cell.Best, cell.Band));
        Assert.Equal(0.55, cell.Mean!.Value, 10);
        Assert.Equal(
            [MasteryBand.Secure, MasteryBand.Secure, MasteryBand.AlmostThere, MasteryBand.AlmostThere, MasteryBand.NeedsSupport],
            heatmap.Pupils.Take(5).Select(p => p.Cell(U1)!.Band!.Value));
        Assert.Empty(heatmap.Pupils[5].Cells);
    }

    [Fact]
    public async Task A_subject_class_shows_its_own_subjects_units_unless_another_is_chosen_and_another_teacher_gets_nothing()
    {
        var heatmaps = data.Get<UnitHeatmapQuery>();

        var japaneseClass = await heatmaps.GetAsync(Teacher1, LearningWarehouseFixture.Year, JapaneseClassKey, CancellationToken.None);
        var chosen = await heatmaps.GetAsync(Teacher1, new LearningFilter(2025, subject: "算数"), JapaneseClassKey, CancellationToken.None);

        Assert.Equal(("scheduled", "国語", 3), (japaneseClass!.Class.ClassType, japaneseClass.Subject, japaneseClass.Pupils.Count));
        Assert.Equal([K1], japaneseClass.Units.Select(u => u.UnitKey));
        Assert.Equal([U1, U2, U3], chosen!.Units.Select(u => u.UnitKey));
        Assert.Null(await heatmaps.GetAsync(Teacher2, LearningWarehouseFixture.Year, Class1Key, CancellationToken.None));
        Assert.Null(await heatmaps.GetAsync(Teacher2, LearningWarehouseFixture.Year, JapaneseClassKey, CancellationToken.None));
    }

    [Fact]
    public async Task A_cell_opens_the_pupils_attempts_on_the_unit()
    {
        var attempts = await data.Get<PupilUnitAttemptsQuery>().GetAsync(Teacher1, LearningWarehouseFixture.Year, Class1Key, data.Pupil(1), U1, CancellationToken.None);

        Assert.Equal(
            [
                (new DateTime(2025, 6, 2, 10, 15, 0), "answered", 0.9, true, 600.0),
                (new DateTime(2025, 6, 3, 10, 15, 0), "answered", 0.7, true, 600.0),
            ],
            attempts.Select(a => (a.OccurredAt, a.VerbName, a.ScoreScaled!.Value, a.Success!.Value, a.DurationSeconds!.Value)));
        Assert.Equal(U1 + "/q1", attempts[0].ActivityId);
    }

    [Fact]
    public async Task Attempts_need_the_pupil_in_the_class_and_the_class_in_the_callers_scope()
    {
        var attempts = data.Get<PupilUnitAttemptsQuery>();

        Assert.Empty(await attempts.GetAsync(Teacher2, LearningWarehouseFixture.Year, Class1Key, data.Pupil(1), U1, CancellationToken.None));
        Assert.Empty(await attempts.GetAsync(Teacher1, LearningWarehouseFixture.Year, Class1Key, data.Pupil(8), U1, CancellationToken.None));
        Assert.Single(await attempts.GetAsync(Teacher2, LearningWarehouseFixture.Year, Class2Key, data.Pupil(8), U1, CancellationToken.None));
        Assert.Empty(await attempts.GetAsync(Teacher1, new LearningFilter(2025, term: 2), Class1Key, data.Pupil(1), U1, CancellationToken.None));
    }

    [Fact]
    public async Task The_heatmap_and_the_attempts_are_each_audited_once_per_call()
    {
        var (heatmaps, attempts) = (await data.AuditCountAsync("t000001", "learning/unit_heatmap"), await data.AuditCountAsync("t000001", "learning/unit_attempts"));

        await data.Get<UnitHeatmapQuery>().GetAsync(Teacher1, LearningWarehouseFixture.Year, Class1Key, CancellationToken.None);
        await data.Get<PupilUnitAttemptsQuery>().GetAsync(Teacher1, LearningWarehouseFixture.Year, Class1Key, data.Pupil(1), U1, CancellationToken.None);

        Assert.Equal(heatmaps + 1, await data.AuditCountAsync("t000001", "learning/unit_heatmap"));
        Assert.Equal(attempts + 1, await data.AuditCountAsync("t000001", "learning/unit_attempts"));
    }
}
