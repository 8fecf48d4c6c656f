using Workbench.Domain.Privacy;

namespace Workbench.Data.Learning;

/// <summary>
/// The one small-cell rule (<see cref="SmallCellSuppression"/>) applied to nested groups: class ⊂ school ⊂ city. A
/// school or city figure is hidden when its group is small, and also when taking away a group the caller can see (their
/// own class, or the school's figure when shown) leaves a small group whose mean could then be worked out.
/// </summary>
internal static class ComparisonSuppression
{
    public static (SuppressedCount School, SuppressedCount City) Apply(SmallCellSuppression suppression, long classPupils, long schoolPupils, long cityPupils)
    {
        var school = Nested(suppression, schoolPupils, classPupils);
        var city = Nested(suppression, cityPupils, classPupils, school.IsHidden ? null : schoolPupils);
        return (school, city);
    }

    private static SuppressedCount Nested(SmallCellSuppression suppression, long pupils, params long?[] seenInside)
    {
        var own = suppression.Single(pupils);
        return !own.IsHidden && seenInside.Any(inner => inner is { } seen && suppression.IsSmall(pupils - seen))
            ? own with { State = CellState.Complementary }
            : own;
    }
}
