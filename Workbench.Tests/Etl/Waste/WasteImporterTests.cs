using Workbench.Data.Etl;
using Workbench.Tests.Support;
using static Workbench.Tests.Etl.Waste.PlaceFiles;

namespace Workbench.Tests.Etl.Waste;

public class WasteImporterTests
{
    private const string WeighingHeader = "date,truck,route,district,waste_type,kg,ticket\n";
    private const string BulkyHeader = "request_id,request_date,collection_date,chome,item,quantity,fee_yen\n";

    private static string Weighings(int days, double kg = 2150.5) =>
        string.Concat(Enumerable.Range(1, days).Select(d => FormattableString.Invariant($"2025-04-{d:00},津山100あ1234,東-月木,jhs-tsuyama-higashi,可燃,{kg},\n")));

    [Fact]
    public async Task Weighings_load_by_district_code_or_name_and_a_bad_type_is_rejected_with_its_reason()
    {
        await using var warehouse = await WithPlacesAsync();
        var file = warehouse.WriteFile("w.csv", WeighingHeader + Weighings(25) + "2025-04-01,津山100あ1234,久米-火金,久米中学校区,不燃ごみ,830,\n"
            + "2025-04-02,津山100あ1234,久米-火金,jhs-kume,生ごみ,830,\n");

        var result = await warehouse.ImportAsync("waste-weighing", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((28L, "waste_type", "生ごみ"), (reject.LineNumber, reject.FieldName!, reject.MaskedValue!));
        Assert.Contains("可燃・不燃・資源・粗大", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(
            [("jhs-kume", "不燃", 1L, 830.0), ("jhs-tsuyama-higashi", "可燃", 25L, 25 * 2150.5)],
            await warehouse.QueryAsync<(string, string, long, double)>("SELECT district_code, waste_type, COUNT(*), SUM(weight_kg) FROM fact_waste_weighing GROUP BY ALL ORDER BY 1"));
    }

    [Fact]
    public async Task Weighings_again_change_nothing_and_a_corrected_file_replaces_the_same_weighings()
    {
        await using var warehouse = await WithPlacesAsync();
        var original = warehouse.WriteFile("a.csv", WeighingHeader + Weighings(10));
        await warehouse.ImportAsync("waste-weighing", original);

        var again = await warehouse.ImportAsync("waste-weighing", original);
        var corrected = await warehouse.ImportAsync("waste-weighing", warehouse.WriteFile("b.csv", WeighingHeader + Weighings(10, kg: 2000)));

        Assert.Equal((ImportStatus.AlreadyImported, ImportStatus.Succeeded), (again.Status, corrected.Status));
        Assert.Equal([(10L, 20000.0)], await warehouse.QueryAsync<(long, double)>("SELECT COUNT(*), SUM(weight_kg) FROM fact_waste_weighing"));
    }

    [Fact]
    public async Task Weighings_with_too_many_bad_rows_load_nothing()
    {
        await using var warehouse = await WithPlacesAsync();
        var file = warehouse.WriteFile("a.csv", WeighingHeader + Weighings(10) + "2025-04-01,t,r,jhs-nowhere,可燃,100,\n2025-04-01,t,r,jhs-kume,可燃,99999,\n");

        var result = await warehouse.ImportAsync("waste-weighing", file);

        Assert.Equal(ImportStatus.Refused, result.Status);
        Assert.Equal(["district", "kg"], result.Rejects.Select(r => r.FieldName));
        Assert.Empty(await warehouse.QueryAsync<long>("SELECT 1 FROM fact_waste_weighing"));
    }

    [Fact]
    public async Task Weighings_before_the_district_master_fail_and_say_which_import_comes_first()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();

        var result = await warehouse.ImportAsync("waste-weighing", warehouse.WriteFile("a.csv", WeighingHeader + Weighings(1)));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("先に districts を取り込んでください", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulky_waste_requests_take_their_district_from_the_町丁_and_an_ambiguous_name_is_rejected()
    {
        await using var warehouse = await WithPlacesAsync();
        var good = string.Concat(Enumerable.Range(1, 30).Select(i => $"R{i},2025-04-01,2025-04-10,川崎,ソファー,1,1000\n"));
        var file = warehouse.WriteFile("b.csv", BulkyHeader + good + $"R31,2025-04-02,,{IchibaShohoku},自転車,2,600\nR32,2025-04-02,,市場,たんす,1,1000\n");

        var result = await warehouse.ImportAsync("bulky-waste", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((33L, "chome"), (reject.LineNumber, reject.FieldName!));
        Assert.Contains("同じ名前の町丁が複数", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(
            [("jhs-shohoku", 1L, 600L), ("jhs-tsuyama-higashi", 30L, 30_000L)],
            await warehouse.QueryAsync<(string, long, long)>("SELECT district_code, COUNT(*), CAST(SUM(fee_yen) AS BIGINT) FROM fact_bulky_waste_request GROUP BY ALL ORDER BY 1"));
    }

    [Fact]
    public async Task Bulky_waste_again_changes_nothing_a_correction_replaces_the_request_and_a_bad_file_loads_nothing()
    {
        await using var warehouse = await WithPlacesAsync();
        var original = warehouse.WriteFile("a.csv", BulkyHeader + "R1,2025-04-01,2025-04-10,川崎,ソファー,1,1000\n");
        await warehouse.ImportAsync("bulky-waste", original);

        var again = await warehouse.ImportAsync("bulky-waste", original);
        await warehouse.ImportAsync("bulky-waste", warehouse.WriteFile("b.csv", BulkyHeader + "R1,2025-04-01,2025-04-12,川崎,ソファー,2,2000\n"));
        var refused = await warehouse.ImportAsync("bulky-waste", warehouse.WriteFile("c.csv", BulkyHeader + "R2,2025-04-05,2025-04-01,川崎,机,1,500\n"));

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(ImportStatus.Refused, refused.Status);
        Assert.Equal("collection_date", Assert.Single(refused.Rejects).FieldName);
        Assert.Equal([("bulky:R1", 20250412, 2, 2000)], await warehouse.QueryAsync<(string, int, int, int)>(
            "SELECT request_key, collection_date_key, quantity, fee_yen FROM fact_bulky_waste_request"));
    }
}
