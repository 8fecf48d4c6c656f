using Workbench.Data.Etl;

namespace Workbench.Tests.Etl.Health;

public class CheckupImporterTests
{
    private const string Header =
        "resident_id,date,sex,age,waist_cm,bmi,systolic,diastolic,fasting,fasting_glucose,casual_glucose,hba1c,triglycerides,hdl,smoking,bp_medication,glucose_medication,lipid_medication\n";

    /// <summary>A healthy 50-year-old man unless the arguments say otherwise.</summary>
    private static string Row(
        int resident, string sex = "男", int age = 50, string waist = "80", string bmi = "22", string systolic = "120", string fasting = "",
        string fastingGlucose = "90", string casualGlucose = "", string hba1c = "5.2", string tg = "100", string hdl = "60",
        string smoking = "いいえ", string bpMedication = "0", string date = "2025-06-15") =>
        $"{HealthFiles.ResidentId(resident)},{date},{sex},{age},{waist},{bmi},{systolic},75,{fasting},{fastingGlucose},{casualGlucose},{hba1c},{tg},{hdl},{smoking},{bpMedication},0,0\n";

    private static Task<List<(string Level, string Group, short Risks)>> LevelsAsync(Support.TempWarehouse warehouse) =>
        HealthFiles.QueryAsync<(string, string, short)>(warehouse,
            "SELECT guidance_level, obesity_group, risk_count FROM fact_checkup_result ORDER BY resident_key");

    private static async Task<string> LevelOfAsync(Support.TempWarehouse warehouse, int resident)
    {
        var key = warehouse.Get<Workbench.Data.Etl.Pseudonymiser>().Of("tsuyama-resident", HealthFiles.ResidentId(resident));
        return (await HealthFiles.QueryAsync<string>(warehouse, $"SELECT guidance_level FROM fact_checkup_result WHERE resident_key = '{key}'")).Single();
    }

    [Fact]
    public async Task Results_are_stratified_on_import_by_the_MHLW_rules()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(8);
        var file = warehouse.WriteFile("k.csv", Header
            + Row(1, waist: "90", systolic: "140", hba1c: "5.8")                                    // A + 2 → 積極的支援
            + Row(2, waist: "90", systolic: "140", age: 68, hba1c: "5.8")                           // 65–74 → 動機付け支援
            + Row(3, sex: "女", waist: "88", bmi: "26", fasting: "いいえ", fastingGlucose: "", hba1c: "", casualGlucose: "95", tg: "174") // B, casual TG 174 → 情報提供
            + Row(4, sex: "女", waist: "88", bmi: "26", fasting: "いいえ", fastingGlucose: "", hba1c: "", casualGlucose: "95", tg: "175") // B, casual TG 175 → 動機付け支援
            + Row(5, waist: "90", systolic: "140", hba1c: "5.8", bpMedication: "はい")              // medication → 対象外
            + Row(6, waist: "90", smoking: "はい")                                                  // smoking alone does not count → 情報提供
            + Row(7, age: 76, waist: "95", systolic: "150")                                         // outside 40–74 → 対象外
            + Row(8, bmi: "27", systolic: "140", hba1c: "6.0", hdl: "35"));                          // B + 3 → 積極的支援

        var result = await HealthFiles.Import(warehouse, "checkup", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        string[] expected = ["積極的支援", "動機付け支援", "情報提供", "動機付け支援", "対象外", "情報提供", "対象外", "積極的支援"];
        for (var r = 1; r <= expected.Length; r++)
        {
            Assert.Equal((r, expected[r - 1]), (r, await LevelOfAsync(warehouse, r)));
        }
    }

    [Fact]
    public async Task A_bad_row_is_rejected_with_its_reason_and_no_health_value_reaches_the_rejects()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(30);
        var rows = string.Concat(Enumerable.Range(1, 25).Select(n => Row(n)));
        var file = warehouse.WriteFile("k.csv", Header + rows + Row(26, systolic: "1400"));

        var result = await HealthFiles.Import(warehouse, "checkup", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(25, (await LevelsAsync(warehouse)).Count);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((27L, "systolic", "（非表示）"), (reject.LineNumber, reject.FieldName!, reject.MaskedValue!));
        Assert.Contains("収縮期血圧", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_bad_rows_refuse_the_whole_batch_and_nothing_loads()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(5);
        var file = warehouse.WriteFile("k.csv", Header + Row(1) + Row(2) + Row(3, sex: "?") + Row(4, smoking: "たまに"));

        var result = await HealthFiles.Import(warehouse, "checkup", file);

        Assert.Equal(ImportStatus.Refused, result.Status);
        Assert.Equal(["sex", "smoking"], result.Rejects.Select(r => r.FieldName!).ToArray());
        Assert.Empty(await LevelsAsync(warehouse));
    }

    [Fact]
    public async Task Re_importing_changes_nothing_and_a_corrected_file_replaces_the_same_examination()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(2);
        var original = warehouse.WriteFile("a.csv", Header + Row(1, waist: "90", systolic: "140") + Row(2));

        var first = await HealthFiles.Import(warehouse, "checkup", original);
        var again = await HealthFiles.Import(warehouse, "checkup", original);
        var corrected = await HealthFiles.Import(warehouse, "checkup", warehouse.WriteFile("b.csv", Header + Row(1, waist: "80")));

        Assert.Equal((ImportStatus.Succeeded, ImportStatus.AlreadyImported, ImportStatus.Succeeded), (first.Status, again.Status, corrected.Status));
        Assert.Equal([("情報提供", "none", (short)0), ("情報提供", "none", (short)0)], await LevelsAsync(warehouse));
    }
}
