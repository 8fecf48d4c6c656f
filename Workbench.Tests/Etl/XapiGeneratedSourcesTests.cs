using System.Text.Json;
using Workbench.Data.Etl;
using Workbench.Data.Synthetic;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl;

/// <summary>The synthetic generator's roster and statements go through the real importers like any delivery.</summary>
public class XapiGeneratedSourcesTests
{
    [Fact]
    public async Task The_tiny_generated_statements_load_without_rejects_less_duplicates_and_voids()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var sources = new TsuyamaGenerator().Write(Path.Combine(warehouse.Directory, "generated"), SeedScale.Tiny);
        var pipeline = warehouse.Get<EtlPipeline>();
        var file = Assert.Single(sources.XapiFiles);
        var (lines, ids, voids) = Count(file);

        var roster = await pipeline.ImportAsync("oneroster", sources.OneRosterFolder, "test", null, CancellationToken.None);
        var xapi = await pipeline.ImportAsync("xapi", file, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Succeeded, roster.Status);
        Assert.True(xapi.Status == ImportStatus.Succeeded, xapi.Message);
        Assert.Empty(xapi.Rejects);
        Assert.Equal(lines, xapi.RowsRead);
        Assert.True(lines > ids.Count && voids.Count > 0, "the generator repeats and voids some statements");
        Assert.Equal(ids.Count - voids.Count - voids.Count, xapi.Tables["fact_learning_activity"].Loaded); // less the voiding statements and what they void
        Assert.Equal(voids.Count, xapi.Tables["xapi_voided_statement"].Loaded);
    }

    /// <summary>Lines, distinct statement ids, and distinct voided ids, read independently of the importer.</summary>
    private static (long Lines, HashSet<string> Ids, HashSet<string> Voided) Count(string file)
    {
        long lines = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var voided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file))
        {
            lines++;
            using var statement = JsonDocument.Parse(line);
            ids.Add(statement.RootElement.GetProperty("id").GetString()!);
            if (statement.RootElement.GetProperty("verb").GetProperty("id").GetString()!.EndsWith("/voided", StringComparison.Ordinal))
            {
                voided.Add(statement.RootElement.GetProperty("object").GetProperty("id").GetString()!);
            }
        }

        return (lines, ids, voided);
    }
}
