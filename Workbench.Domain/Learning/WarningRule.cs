namespace Workbench.Domain.Learning;

/// <summary>The early-warning rules (issue 5; DOMAIN: education). Thresholds are in <see cref="LearningWarningOptions"/>.</summary>
public enum WarningRule
{
    /// <summary>On pace to reach the 長期欠席 days (30) in the 年度.</summary>
    LongAbsencePace,

    /// <summary>Several 欠席 in a row.</summary>
    ConsecutiveAbsences,

    /// <summary>Activity per school day halved week on week.</summary>
    ActivityHalving,

    /// <summary>Best scores falling across the most recent units of a subject.</summary>
    FallingScores,
}

public static class WarningRules
{
    public static string Title(WarningRule rule) => rule switch
    {
        WarningRule.LongAbsencePace => "長期欠席のおそれ",
        WarningRule.ConsecutiveAbsences => "連続欠席",
        WarningRule.ActivityHalving => "学習活動の急減",
        _ => "得点の低下",
    };
}
