using Workbench.Data.Etl;
using Workbench.Data.Synthetic;
using Workbench.Tests.Support;
using Workbench.Tests.Synthetic;

namespace Workbench.Tests.Etl;

/// <summary>A demo-scale generator run (a few seconds), for the figures that only the whole city shows.</summary>
public sealed class DemoSourcesFixture : IDisposable
{
    public GeneratedFolder Folder { get; } = new(SeedScale.Demo);

    public void Dispose() => Folder.Dispose();
}

public class DemoPopulationTests(DemoSourcesFixture demo) : IClassFixture<DemoSourcesFixture>
{
    [Fact]
    public async Task The_demo_register_loaded_into_the_warehouse_is_29_to_33_percent_aged_65_and_over()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        Assert.Equal(ImportStatus.Succeeded, (await warehouse.ImportAsync("districts", demo.Folder.Sources.ChomeGeoJson)).Status);

        var result = await warehouse.ImportAsync("population", demo.Folder.Sources.PopulationFile);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(0, result.RowsRejected);
        var (old, total) = Assert.Single(await warehouse.QueryAsync<(long Old, long Total)>("""
            SELECT CAST(SUM(CASE WHEN age_band IN ('65-69', '70-74', '75-79', '80-84', '85+') THEN population ELSE 0 END) AS BIGINT),
                   CAST(SUM(population) AS BIGINT)
            FROM fact_population
            WHERE as_of_date = DATE '2025-04-01'
            """));
        Assert.InRange(total, 99_994 * 0.99, 99_994 * 1.01);
        Assert.InRange(old / (double)total, 0.29, 0.33);
        Assert.Equal([total], await warehouse.QueryAsync<long>("SELECT CAST(SUM(population) AS BIGINT) FROM dim_district"));
    }
}
