namespace Workbench.Data.Learning;

/// <summary>One xAPI statement of a pupil on a unit: when (Japan time), the verb IRI, the exercise, score, success, duration.</summary>
public sealed record UnitAttempt(
    DateTime OccurredAt,
    string Verb,
    string ActivityId,
    double? ScoreScaled,
    double? ScoreRaw,
    double? ScoreMax,
    bool? Success,
    bool? Completion,
    double? DurationSeconds)
{
    /// <summary>The verb's last segment: <c>answered</c>, <c>completed</c>, <c>logged-in</c>…</summary>
    public string VerbName => Verb[(Verb.LastIndexOf('/') + 1)..];
}
