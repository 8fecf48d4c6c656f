namespace Workbench.Data.Synthetic;

/// <summary>Where <see cref="TsuyamaGenerator.Write"/> put each source file (absolute paths), for the importers to pick up.</summary>
public sealed record GeneratedSources(
    string Root,
    string OneRosterFolder,
    IReadOnlyList<string> XapiFiles,
    IReadOnlyList<string> AttendanceFiles,
    IReadOnlyList<string> AssessmentFiles,
    string PopulationFile,
    string ResidentsFile,
    string DistrictsGeoJson,
    string ChomeGeoJson)
{
    /// <summary>PHR consent records (<c>health/consent.csv</c>); empty when the generator wrote no health sources.</summary>
    public string? ConsentFile { get; init; }

    /// <summary><c>health/checklist-{year}.csv</c>, one per 年度.</summary>
    public IReadOnlyList<string> ChecklistFiles { get; init; } = [];

    /// <summary><c>health/checkup-{year}.csv</c>, one per 年度.</summary>
    public IReadOnlyList<string> CheckupFiles { get; init; } = [];

    /// <summary><c>health/vitals-{year}.ndjson</c>: FHIR R4 Observations, a year of home measurements.</summary>
    public IReadOnlyList<string> VitalsFiles { get; init; } = [];
}
