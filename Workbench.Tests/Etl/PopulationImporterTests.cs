using Workbench.Data.Etl;
using Workbench.Data.Etl.Districts;
using Workbench.Tests.Support;
using Workbench.Tests.Synthetic;
using static Workbench.Tests.Etl.DistrictFiles;

namespace Workbench.Tests.Etl;

public class PopulationImporterTests(TinySeedFixture tiny) : IClassFixture<TinySeedFixture>
{
    private const string Header = "as_of,chome_code,sex,age_band,population\n";

    /// <summary>The three 久米 町丁 of the tiny seed: 坪井下 (census 374 people), 中北下 and 南方中.</summary>
    private static readonly string[] TinyChome = ["332033040", "332033080", "332033090"];

    private static string Row(string chome, string sex, string band, string population, string asOf = "2025-04-01") =>
        $"{asOf},{chome},{sex},{band},{population}\n";

    /// <summary>Every band of both sexes of one 町丁, each with the same count.</summary>
    private static string Chome(string chome, int each, string asOf = "2025-04-01") =>
        string.Concat(PopulationImporter.AgeBands.SelectMany(b => new[] { Row(chome, "male", b, $"{each}", asOf), Row(chome, "female", b, $"{each}", asOf) }));

    private async Task<TempWarehouse> WarehouseWithDistrictsAsync()
    {
        var warehouse = await TempWarehouse.CreateAsync();
        await warehouse.ImportAsync("districts", tiny.Folder.Sources.ChomeGeoJson);
        return warehouse;
    }

    private static Task<List<int>> DistrictPopulationAsync(TempWarehouse warehouse, string chome) =>
        warehouse.QueryAsync<int>($"SELECT population FROM dim_district WHERE chome_code = '{chome}'");

    [Fact]
    public async Task The_generators_population_loads_and_each_町丁_takes_its_register_total()
    {
        await using var warehouse = await WarehouseWithDistrictsAsync();

        var result = await warehouse.ImportAsync("population", tiny.Folder.Sources.PopulationFile);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal((108L, 108L, 0L), (result.Tables["fact_population"].Read, result.Tables["fact_population"].Loaded, result.RowsRejected));
        Assert.Equal([500L], await warehouse.QueryAsync<long>("SELECT CAST(SUM(population) AS BIGINT) FROM fact_population WHERE as_of_date = DATE '2025-04-01'"));
        Assert.Equal([500L], await warehouse.QueryAsync<long>($"SELECT CAST(SUM(population) AS BIGINT) FROM dim_district WHERE chome_code IN ('{string.Join("','", TinyChome)}')"));
        Assert.Equal([3102], await DistrictPopulationAsync(warehouse, "332030110")); // 川崎 has no register rows: its census figure stays
    }

    [Fact]
    public async Task Re_importing_changes_nothing_and_a_corrected_file_replaces_only_its_rows()
    {
        await using var warehouse = await WarehouseWithDistrictsAsync();
        var original = Write(warehouse, "a.csv", Header + Chome(TinyChome[0], 10));
        await warehouse.ImportAsync("population", original);

        var again = await warehouse.ImportAsync("population", original);
        var corrected = await warehouse.ImportAsync("population", Write(warehouse, "b.csv", Header + Row(TinyChome[0], "female", "85+", "25")));

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(ImportStatus.Succeeded, corrected.Status);
        Assert.Equal([36L], await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM fact_population"));
        Assert.Equal([25], await warehouse.QueryAsync<int>("SELECT population FROM fact_population WHERE sex = 'female' AND age_band = '85+'"));
        Assert.Equal([(35 * 10) + 25], await DistrictPopulationAsync(warehouse, TinyChome[0]));
    }

    [Fact]
    public async Task A_later_reference_date_adds_rows_and_sets_the_町丁_population()
    {
        await using var warehouse = await WarehouseWithDistrictsAsync();
        await warehouse.ImportAsync("population", Write(warehouse, "a.csv", Header + Chome(TinyChome[0], 10, "2025-04-01")));

        await warehouse.ImportAsync("population", Write(warehouse, "b.csv", Header + Chome(TinyChome[0], 9, "2024-04-01")));
        await warehouse.ImportAsync("population", Write(warehouse, "c.csv", Header + Chome(TinyChome[1], 3, "2024-04-01")));

        Assert.Equal([108L], await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM fact_population"));
        Assert.Equal([360], await DistrictPopulationAsync(warehouse, TinyChome[0])); // the earlier date does not overwrite the latest
        Assert.Equal([108], await DistrictPopulationAsync(warehouse, TinyChome[1]));
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_their_line_field_and_reason_and_the_rest_load()
    {
        await using var warehouse = await WarehouseWithDistrictsAsync();
        var good = string.Concat(TinyChome.Select(c => Chome(c, 5)));
        var bad = Row("999999999", "male", "0-4", "1") + Row(TinyChome[0], "x", "0-4", "1") + Row(TinyChome[0], "male", "90-94", "1")
            + Row(TinyChome[0], "male", "0-4", "-1", "2025-04-02") + Row(TinyChome[0], "male", "0-4", "1", "2025-13-01");

        var result = await warehouse.ImportAsync("population", Write(warehouse, "p.csv", Header + good + bad));

        Assert.Equal(ImportStatus.Succeeded, result.Status); // 5 of 113 is under 5 %
        Assert.Equal(
            [(110L, "chome_code"), (111L, "sex"), (112L, "age_band"), (113L, "population"), (114L, "as_of")],
            result.Rejects.Select(r => (r.LineNumber, r.FieldName!)).ToList());
        Assert.Contains("町丁コードが地区マスタにありません", result.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("0 以上の整数", result.Rejects[3].Reason, StringComparison.Ordinal);
        Assert.Equal([108L], await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM fact_population"));
    }

    [Fact]
    public async Task The_same_key_twice_in_one_file_rejects_the_second_row()
    {
        await using var warehouse = await WarehouseWithDistrictsAsync();
        var rows = string.Concat(TinyChome.Select(c => Chome(c, 5))) + Row(TinyChome[2], "female", "85+", "7");

        var result = await warehouse.ImportAsync("population", Write(warehouse, "p.csv", Header + rows));

        var reject = Assert.Single(result.Rejects);
        Assert.Equal((110L, "chome_code"), (reject.LineNumber, reject.FieldName!));
        Assert.Contains("109 行目にもあります", reject.Reason, StringComparison.Ordinal);
        Assert.Equal([5], await warehouse.QueryAsync<int>($"SELECT population FROM fact_population WHERE chome_code = '{TinyChome[2]}' AND sex = 'female' AND age_band = '85+'"));
    }

    [Fact]
    public async Task A_file_with_too_many_bad_rows_loads_nothing()
    {
        await using var warehouse = await WarehouseWithDistrictsAsync();
        var rows = Chome(TinyChome[0], 5) + Row("999999998", "male", "0-4", "1") + Row("999999999", "male", "0-4", "1");

        var result = await warehouse.ImportAsync("population", Write(warehouse, "p.csv", Header + rows));

        Assert.Equal(ImportStatus.Refused, result.Status); // 2 of 38 exceed 5 %
        Assert.Equal([38L, 39L], result.Rejects.Select(r => r.LineNumber));
        Assert.Equal([0L], await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM fact_population"));
        Assert.Equal([374], await DistrictPopulationAsync(warehouse, TinyChome[0]));
    }

    [Fact]
    public async Task A_file_without_the_reference_date_fails_whole_with_a_clear_message()
    {
        await using var warehouse = await WarehouseWithDistrictsAsync();

        var result = await warehouse.ImportAsync("population", Write(warehouse, "p.csv", "chome_code,sex,age_band,population\n332033040,male,0-4,1\n"));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("必要な列がありません: as_of", result.Message, StringComparison.Ordinal);
    }
}
