using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Synthetic;
using Workbench.Data.Warehouse;
using Workbench.Tests.Etl;
using Workbench.Tests.Support;

namespace Workbench.Tests.Synthetic;

/// <summary>The generator's files through the real importers into a real warehouse, as <c>etl seed</c> and the first start do.</summary>
public class SeedImportTests
{
    [Fact]
    public async Task The_tiny_seed_loads_every_file_without_a_single_reject_and_a_second_seed_changes_nothing()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var seeder = warehouse.Get<SyntheticSeeder>();

        var first = await seeder.SeedAsync(SeedScale.Tiny, null, CancellationToken.None);
        var again = await seeder.SeedAsync(SeedScale.Tiny, null, CancellationToken.None);

        Assert.All(first, r => Assert.True(r.Status == ImportStatus.Succeeded && r.RowsRejected == 0, r.Message));
        Assert.Equal(
            ["districts", "districts", "population", "residents", "consent", "checklist", "checklist", "checkup", "checkup", "vitals", "oneroster", "attendance", "assessment", "xapi", "gtfs", "board-alight", "demand-taxi", "waste-weighing", "bulky-waste"],
            await KindsAsync(warehouse));
        Assert.All(again, r => Assert.Equal(ImportStatus.AlreadyImported, r.Status));
        Assert.False(Directory.Exists(Path.Combine(warehouse.Directory, "seed-sources", "tiny")), "the generated files are removed once loaded");

        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        var schools = await connection.QueryAsync<string>("SELECT school_name FROM dim_school");
        Assert.Equal(["中正小学校", "久米中学校", "喬松小学校"], schools.Order(StringComparer.Ordinal));
        var districts = await connection.QueryAsync<(string School, string? District)>(
            "SELECT s.school_name, (SELECT max(d.district_name) FROM dim_district d WHERE d.district_code = s.district_code) FROM dim_school s");
        Assert.All(districts, s => Assert.True(s.District == "久米中学校区", $"{s.School} has 中学校区 {s.District}"));
        foreach (var fact in new[] { "fact_learning_activity", "fact_assessment_result", "fact_attendance" })
        {
            Assert.True(await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {fact}") > 1000, fact);
        }

        foreach (var fact in new[] { "dim_resident", "fact_checklist_answer", "fact_checkup_result", "fact_phr_reading" })
        {
            Assert.True(await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {fact}") > 0, fact);
        }

        foreach (var fact in new[] { "fact_boarding", "fact_demand_taxi_trip", "fact_waste_weighing", "fact_bulky_waste_request", "transit_stop_time" })
        {
            Assert.True(await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {fact}") > 10, fact);
        }
    }

    [Fact]
    public async Task The_first_start_seeds_an_empty_warehouse_but_never_one_holding_imported_data()
    {
        await using var empty = await TempWarehouse.CreateAsync();
        Assert.True(await empty.Get<SyntheticSeeder>().IsWantedAsync(CancellationToken.None));

        await using var real = await TempWarehouse.CreateAsync();
        var roster = RosterFiles.Write(Path.Combine(real.Directory, "roster"), pupils: 3);
        await real.Get<EtlPipeline>().ImportAsync("oneroster", roster, "staff", null, CancellationToken.None);
        Assert.False(await real.Get<SyntheticSeeder>().IsWantedAsync(CancellationToken.None));
    }

    private static async Task<List<string>> KindsAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<string>("SELECT source_kind FROM etl_batch WHERE started_by = 'seed' ORDER BY batch_id")];
    }
}
