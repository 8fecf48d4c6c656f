using Dapper;
using Microsoft.Extensions.Options;
using Workbench.Data.Etl;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Writes the synthetic Tsuyama as source files and imports them through the same pipeline as any delivery,
/// in the order the references need: districts, population, the roster, then the facts.
/// </summary>
public sealed class SyntheticSeeder(
    EtlPipeline pipeline, IWarehouseConnectionFactory connections, SqlCatalogue sql, IOptions<WarehouseOptions> warehouse, IOptions<SeedOptions> options)
{
    public const string StartedBy = "seed";
    private const string DoneMarker = "seed.done";

    /// <summary>On first start of an empty embedded warehouse, with <c>Seed:Scale</c> not <c>None</c>.</summary>
    public async Task<bool> IsWantedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Scale == SeedChoice.None || warehouse.Value.Provider != WarehouseProvider.DuckDb
            || File.Exists(Path.Combine(warehouse.Value.DataDirectory, DoneMarker)))
        {
            return false;
        }

        // A seed cut off half-way resumes (its files are byte-identical, so what loaded is skipped); real data is never mixed in.
        await using var connection = await connections.OpenAsync(cancellationToken);
        var othersBatches = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql["etl/batch_count_succeeded_by_others"], new { started_by = StartedBy }, cancellationToken: cancellationToken));
        return othersBatches == 0;
    }

    public Task<IReadOnlyList<ImportResult>> SeedOnFirstStartAsync(IProgress<string>? progress, CancellationToken cancellationToken) =>
        SeedAsync(Enum.Parse<SeedScale>(options.Value.Scale.ToString()), progress, cancellationToken);

    public async Task<IReadOnlyList<ImportResult>> SeedAsync(SeedScale scale, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(warehouse.Value.DataDirectory, "seed-sources", scale.ToString().ToLowerInvariant());
        var sources = await Task.Run(
            () => new TsuyamaGenerator(options.Value.Seed).Write(folder, scale, options.Value.FiscalYear, progress), cancellationToken);

        var results = new List<ImportResult>();
        foreach (var (kind, path) in ImportOrder(sources))
        {
            progress?.Report($"取り込み中 / importing {kind}: {Path.GetFileName(path)}");
            var result = await pipeline.ImportAsync(kind, path, StartedBy, EveryHundredThousand(kind, progress), cancellationToken);
            results.Add(result);
            progress?.Report($"  {result.Message}");
            if (result.Status is not (ImportStatus.Succeeded or ImportStatus.AlreadyImported))
            {
                throw new EtlFileException($"デモデータの取り込みに失敗しました（{kind}: {Path.GetFileName(path)}）: {result.Message}");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(warehouse.Value.DataDirectory, DoneMarker), $"{scale} {DateTimeOffset.Now:O}\n", cancellationToken);
        Directory.Delete(folder, recursive: true);
        return results;
    }

    private static Progress<long>? EveryHundredThousand(string kind, IProgress<string>? progress)
    {
        var shown = 0L;
        return progress is null ? null : new Progress<long>(rows =>
        {
            if (rows / 100_000 > shown)
            {
                shown = rows / 100_000;
                progress.Report($"  {kind}: {rows:N0} 行…");
            }
        });
    }

    /// <summary>The register first (the health files refer to it), consent before the vitals it admits.</summary>
    private static IEnumerable<(string Kind, string Path)> HealthImports(GeneratedSources sources)
    {
        yield return ("residents", sources.ResidentsFile);
        if (sources.ConsentFile is not null)
        {
            yield return ("consent", sources.ConsentFile);
        }

        foreach (var (kind, files) in new[] { ("checklist", sources.ChecklistFiles), ("checkup", sources.CheckupFiles), ("vitals", sources.VitalsFiles) })
        {
            foreach (var file in files)
            {
                yield return (kind, file);
            }
        }
    }

    private static IEnumerable<(string Kind, string Path)> ImportOrder(GeneratedSources sources)
    {
        yield return ("districts", sources.ChomeGeoJson);
        yield return ("districts", sources.DistrictsGeoJson);
        yield return ("population", sources.PopulationFile);
        foreach (var health in HealthImports(sources))
        {
            yield return health;
        }

        yield return ("oneroster", sources.OneRosterFolder);
        foreach (var file in sources.AttendanceFiles)
        {
            yield return ("attendance", file);
        }

        foreach (var file in sources.AssessmentFiles)
        {
            yield return ("assessment", file);
        }

        foreach (var file in sources.XapiFiles)
        {
            yield return ("xapi", file);
        }

        foreach (var source in TransitWaste.TransitWasteSources.Under(sources.Root).ImportOrder())
        {
            yield return source;
        }
    }
}
