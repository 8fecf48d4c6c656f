namespace Workbench.Data.Synthetic;

/// <summary>
/// What xAPI and the unit tests share: when each 単元 is taught (the school days split evenly over a subject's units)
/// and how well a pupil does on a day (ability, progress through the unit, and the decline of a pupil at risk).
/// </summary>
internal static class LearningModel
{
    /// <summary>The school days [Start, End) over which unit number (1-based) of a subject with count units is taught.</summary>
    public static (int Start, int End) Window(int number, int count, int schoolDays) =>
        ((number - 1) * schoolDays / count, number * schoolDays / count);

    /// <summary>The unit being taught on a school day.</summary>
    public static int UnitOn(int day, int count, int schoolDays) => Math.Min(count, (day * count / schoolDays) + 1);

    /// <summary>Ability on a day: at risk, it falls by up to 1.8 standard deviations over a little more than the
    /// ramp of rising absence.</summary>
    public static double AbilityOn(PupilYear pupil, int day) => pupil.Ability - (1.8 * pupil.RiskLevel(day, 1.2));

    /// <summary>Chance of a correct answer for an ability and a unit (progress 0–1 through the unit's weeks).</summary>
    public static double Correct(double ability, Unit unit, double progress) =>
        RandomExtensions.Logistic((1.15 * ability) + 1.0 - unit.Difficulty + (0.7 * (progress - 0.5)));
}
