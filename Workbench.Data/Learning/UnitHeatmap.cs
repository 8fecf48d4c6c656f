using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>Pupils × units of a class, each cell the pupil's best score and mastery band on the unit.</summary>
public sealed record UnitHeatmap(ClassSummary Class, LearningPeriod Period, string? Subject, IReadOnlyList<LearningUnit> Units, IReadOnlyList<HeatmapRow> Pupils);

/// <summary>One pupil's row; <see cref="Cells"/> by unit key, a unit they never touched is absent.</summary>
public sealed record HeatmapRow(PupilInClass Pupil, IReadOnlyDictionary<string, PupilUnitScore> Cells)
{
    public PupilUnitScore? Cell(string unitKey) => Cells.GetValueOrDefault(unitKey);
}
