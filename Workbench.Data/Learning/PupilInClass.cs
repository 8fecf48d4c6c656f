namespace Workbench.Data.Learning;

/// <summary>
/// A pupil as the learning pages list them: their class, 出席番号, name and kana (null for callers who do not see
/// names), and whether they moved in or out during the 年度 (enrollment begin and end dates).
/// </summary>
public sealed record PupilInClass(
    string ClassKey,
    string ClassTitle,
    string PupilKey,
    short? ShussekiNo,
    string? Name,
    string? Kana,
    string? Grade,
    DateOnly? BeginDate,
    DateOnly? EndDate,
    bool MovedIn,
    bool MovedOut)
{
    /// <summary>The name, or for callers without names the first 8 characters of the pseudonym.</summary>
    public string DisplayName => Name ?? PupilKey[..Math.Min(8, PupilKey.Length)];
}
