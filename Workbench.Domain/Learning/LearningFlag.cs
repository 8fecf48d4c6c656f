namespace Workbench.Domain.Learning;

/// <summary>
/// A fired early warning: which rule, why in Japanese (<see cref="Reason"/>), since when, and the data it read
/// (<see cref="Evidence"/>), so a teacher can check it against the class's records.
/// </summary>
public sealed record LearningFlag(WarningRule Rule, string Reason, DateOnly Since, string Evidence)
{
    /// <summary>The rule's short Japanese name, e.g. 連続欠席.</summary>
    public string Title => WarningRules.Title(Rule);
}
