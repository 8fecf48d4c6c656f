namespace Workbench.Data.Etl.Districts;

/// <summary>Why a feature is rejected: the field, a reason in Japanese, and the offending value when it helps.</summary>
internal readonly record struct FeatureProblem(string Field, string Reason, string? Value = null);
