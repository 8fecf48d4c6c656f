using Microsoft.Extensions.DependencyInjection;

namespace Workbench.Data.Etl.Detection;

/// <summary>Names the importer kind of a file from its <see cref="ImportKindRule"/>s, or null when none recognises it.</summary>
public sealed class ImportKindDetector(IEnumerable<ImportKindRule> rules, IEnumerable<IImporter> importers)
{
    private readonly IReadOnlyList<ImportKindRule> rules = [.. rules.Where(r => importers.Any(i => i.Kind == r.Kind))];

    public async Task<string?> DetectAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return null;
        }

        return Detect(await SourceSample.ReadAsync(path, cancellationToken));
    }

    public string? Detect(SourceSample sample) => rules.FirstOrDefault(r => r.Recognises(sample))?.Kind;
}

public static class ImportKindRuleRegistration
{
    /// <summary>Adds a rule after those already registered (earlier rules win).</summary>
    public static IServiceCollection AddImportKindRule(this IServiceCollection services, ImportKindRule rule) => services.AddSingleton(rule);

    /// <summary>
    /// The rules of the education and district sources, and of the sources whose importers other branches bring
    /// (a rule waits, ignored, until an importer of its kind is registered). Specific before general: zips first,
    /// then JSON by the property that tells them apart, then CSV by columns.
    /// </summary>
    public static IServiceCollection AddBuiltInImportKindRules(this IServiceCollection services) => services
        .AddImportKindRule(ImportKindRule.Zip("oneroster", "manifest.csv"))
        .AddImportKindRule(ImportKindRule.Zip("gtfs", "agency.txt", "stops.txt"))
        .AddImportKindRule(ImportKindRule.Json("vitals", "resourceType"))
        .AddImportKindRule(ImportKindRule.Json("xapi", "verb"))
        .AddImportKindRule(ImportKindRule.Json("districts", "FeatureCollection"))
        .AddImportKindRule(ImportKindRule.Extension("districts", ".geojson"))
        .AddImportKindRule(ImportKindRule.Csv("attendance", "userSourcedId", "date", "status"))
        .AddImportKindRule(ImportKindRule.Csv("assessment", "assessmentId", "userSourcedId", "score", "maxScore"))
        .AddImportKindRule(ImportKindRule.Csv("population", "as_of", "chome_code", "age_band", "population"))
        .AddImportKindRule(ImportKindRule.Csv("checklist", "resident_id", "date", "q01", "q25"))
        .AddImportKindRule(ImportKindRule.Csv("checkup", "resident_id", "date", "waist_cm", "hba1c"))
        .AddImportKindRule(ImportKindRule.Csv("consent", "resident_id", "scope", "status", "date"))
        .AddImportKindRule(ImportKindRule.Csv("residents", "resident_id", "chome_code", "birth_date"))
        .AddImportKindRule(ImportKindRule.Csv("board-alight", "trip_id", "stop_id", "stop_sequence", "service_date"))
        .AddImportKindRule(ImportKindRule.Csv("ic-card", "agency_id", "date", "time", "stop_id"))
        .AddImportKindRule(ImportKindRule.Csv("demand-taxi", "trip_id", "date", "area", "origin", "destination", "passengers"))
        .AddImportKindRule(ImportKindRule.Csv("waste-weighing", "date", "truck", "route", "district", "waste_type", "kg"))
        .AddImportKindRule(ImportKindRule.Csv("bulky-waste", "request_id", "request_date", "chome", "item"));
}
