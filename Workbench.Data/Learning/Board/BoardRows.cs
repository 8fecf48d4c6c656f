namespace Workbench.Data.Learning.Board;

/// <summary>A school in the caller's scope, with what the groupings need.</summary>
internal sealed record BoardSchool(string SchoolKey, string SchoolName, string SchoolKind, string? DistrictCode, string? DistrictName, int RegularClasses, long Pupils);

/// <summary>Pupils of one school, grade and subject by mastery band; <see cref="MasterySum"/> over the pupils' masteries.</summary>
internal sealed record SchoolMastery(string SchoolKey, string Grade, string Subject, long Pupils, long NeedsSupport, long Almost, long Secure, double MasterySum);

internal sealed record SchoolTermMastery(string SchoolKey, int FiscalYear, int Term, long Pupils, long NeedsSupport, long Almost, long Secure, double MasterySum);

internal sealed record SchoolAbsence(string SchoolKey, long Enrolled, long LongAbsent, long Futoko, long AtRisk);
