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
    string ChomeGeoJson);
