using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>A pupil of the caller's classes and the early warnings fired for them (empty when none).</summary>
public sealed record EarlyWarningRow(PupilInClass Pupil, IReadOnlyList<LearningFlag> Flags);
