namespace Workbench.Data.Etl.Detection;

/// <summary>
/// Recognises one importer's files. Rules are registered in DI next to their importer, one line each
/// (<c>builder.Services.AddImportKindRule(ImportKindRule.Zip("gtfs", "agency.txt", "stops.txt"))</c>), and tried in
/// registration order; the first that recognises a file names its kind. A rule for a kind no importer offers is ignored,
/// so a rule can be registered before its importer lands.
/// </summary>
public sealed record ImportKindRule(string Kind, Func<SourceSample, bool> Recognises)
{
    /// <summary>A zip (or folder) holding every one of these files.</summary>
    public static ImportKindRule Zip(string kind, params string[] entries) => new(kind, s => s.IsArchive && s.HasEntries(entries));

    /// <summary>A CSV file whose first line has every one of these columns.</summary>
    public static ImportKindRule Csv(string kind, params string[] columns) =>
        new(kind, s => !s.IsArchive && (s.Extension is ".csv" or ".txt" or ".tsv" or "") && s.HasColumns(columns));

    /// <summary>A JSON or NDJSON file in which this string (a property name such as <c>verb</c>, or a value) appears near its start.</summary>
    public static ImportKindRule Json(string kind, string name) =>
        new(kind, s => !s.IsArchive && (s.Extension is ".json" or ".ndjson" or ".jsonl" or ".geojson" or "") && s.HasJsonString(name));

    /// <summary>Any file with one of these extensions (with their dots, lower case).</summary>
    public static ImportKindRule Extension(string kind, params string[] extensions) => new(kind, s => !s.IsArchive && extensions.Contains(s.Extension));
}
