using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>A 単元 as a column of the overview and heatmap, in the order the class began them.</summary>
public sealed record LearningUnit(string UnitKey, string? Title, string? Subject, DateOnly FirstActivity)
{
    public string DisplayTitle => Title ?? UnitKey;
}

/// <summary>
/// One pupil on one 単元 in the period: statements, how many carried a score, the mean and best <c>score.scaled</c>,
/// and the mastery band of the best (null without a score).
/// </summary>
public sealed record PupilUnitScore(string UnitKey, long Statements, long ScoredStatements, double? Mean, double? Best, MasteryBand? Band)
{
    public string? BandLabel => Band is { } band ? MasteryBands.Label(band) : null;
}
